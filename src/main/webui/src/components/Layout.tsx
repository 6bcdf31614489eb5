import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import { useCart } from '../cart/CartContext';

export function Layout() {
  const { user, isAdmin, logout } = useAuth();
  const { cart } = useCart();
  const navigate = useNavigate();
  const count = cart?.itemCount ?? 0;
  return (
    <>
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="site-header">
        <Link to="/" className="brand">Acme Shop</Link>
        <nav aria-label="Main">
          <ul>
            <li><NavLink to="/" end>Products</NavLink></li>
            <li><NavLink to="/track">Track order</NavLink></li>
            {user ? <li><NavLink to="/account/orders">My orders</NavLink></li> : null}
            {isAdmin ? <li><NavLink to="/admin">Admin</NavLink></li> : null}
            <li>
              <NavLink to="/cart" aria-label={`Cart, ${count} ${count === 1 ? 'item' : 'items'}`}>
                Cart <span className="cart-count" aria-hidden="true">{count}</span>
              </NavLink>
            </li>
            {user ? (
              <li>
                <button type="button" className="link-button"
                  onClick={async () => { await logout(); navigate('/'); }}>
                  Sign out
                </button>
              </li>
            ) : (
              <li><NavLink to="/login">Sign in</NavLink></li>
            )}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer"><small>Prices include no hidden fees; tax and shipping are shown before you pay.</small></footer>
    </>
  );
}
