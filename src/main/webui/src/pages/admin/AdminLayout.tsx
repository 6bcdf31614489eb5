import { NavLink, Outlet, useLocation } from 'react-router';

export default function AdminLayout() {
  const { pathname } = useLocation();
  // /admin shows the orders list, so "Orders" is the current section there too.
  const onIndex = pathname.replace(/\/+$/, '') === '/admin';
  return (
    <div className="admin">
      <nav aria-label="Admin" className="admin-nav">
        <ul>
          <li>
            <NavLink to="/admin/orders" className={({ isActive }) => (isActive || onIndex ? 'active' : undefined)}
              aria-current={onIndex ? 'page' : undefined}>
              Orders
            </NavLink>
          </li>
          <li><NavLink to="/admin/products">Products</NavLink></li>
          <li><NavLink to="/admin/users">Users</NavLink></li>
        </ul>
      </nav>
      <div className="admin-content"><Outlet /></div>
    </div>
  );
}
