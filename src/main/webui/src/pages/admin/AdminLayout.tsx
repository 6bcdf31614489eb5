import { NavLink, Outlet } from 'react-router';

export default function AdminLayout() {
  return (
    <div className="admin">
      <nav aria-label="Admin" className="admin-nav">
        <ul>
          {/* end: "Overview" is current on /admin itself, not on every admin page below it */}
          <li><NavLink to="/admin" end>Overview</NavLink></li>
          <li><NavLink to="/admin/orders">Orders</NavLink></li>
          <li><NavLink to="/admin/products">Products</NavLink></li>
          <li><NavLink to="/admin/categories">Categories</NavLink></li>
          <li><NavLink to="/admin/promotions">Promotions</NavLink></li>
          <li><NavLink to="/admin/users">Users</NavLink></li>
          <li><NavLink to="/admin/two-factor">Two-factor sign-in</NavLink></li>
        </ul>
      </nav>
      <div className="admin-content"><Outlet /></div>
    </div>
  );
}
