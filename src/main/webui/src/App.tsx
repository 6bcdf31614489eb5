import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { AuthProvider } from './auth/AuthContext';
import { CartProvider } from './cart/CartContext';
import { RequireAdmin, RequireAuth } from './components/guards';
import { Layout } from './components/Layout';
import { EmptyState, Loading } from './components/ui';
import ProductListPage from './pages/shop/ProductListPage';
import ProductPage from './pages/shop/ProductPage';
import CartPage from './pages/shop/CartPage';
import CheckoutPage from './pages/shop/CheckoutPage';
import ConfirmationPage from './pages/shop/ConfirmationPage';
import TrackPage from './pages/shop/TrackPage';
import LookupPage from './pages/shop/LookupPage';
import LoginPage from './pages/account/LoginPage';
import RegisterPage from './pages/account/RegisterPage';
import MyOrdersPage from './pages/account/MyOrdersPage';
import MyOrderPage from './pages/account/MyOrderPage';
import ForgotPasswordPage from './pages/account/ForgotPasswordPage';
import ResetPasswordPage from './pages/account/ResetPasswordPage';

// The back office is its own chunk: shoppers never download it.
const AdminLayout = lazy(() => import('./pages/admin/AdminLayout'));
// (the overview also brings the chart library, uPlot: only this chunk imports it)
const AdminOverviewPage = lazy(() => import('./pages/admin/AdminOverviewPage'));
const AdminProductsPage = lazy(() => import('./pages/admin/AdminProductsPage'));
const AdminProductFormPage = lazy(() => import('./pages/admin/AdminProductFormPage'));
const AdminImportPage = lazy(() => import('./pages/admin/AdminImportPage'));
const AdminCategoriesPage = lazy(() => import('./pages/admin/AdminCategoriesPage'));
const AdminPromotionsPage = lazy(() => import('./pages/admin/AdminPromotionsPage'));
const AdminPromotionFormPage = lazy(() => import('./pages/admin/AdminPromotionFormPage'));
const AdminOrdersPage = lazy(() => import('./pages/admin/AdminOrdersPage'));
const AdminOrderPage = lazy(() => import('./pages/admin/AdminOrderPage'));
const AdminUsersPage = lazy(() => import('./pages/admin/AdminUsersPage'));
const AdminUserPage = lazy(() => import('./pages/admin/AdminUserPage'));
// (the two-factor page also brings the QR code encoder: only this chunk imports it)
const AdminTwoFactorPage = lazy(() => import('./pages/admin/AdminTwoFactorPage'));

/**
 * Client-side routes. Links the server puts in emails and Stripe return URLs land here:
 * /orders/track/:token, /orders/confirmation, /reset-password, /register?invite=, /cart?cancelled=.
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<ProductListPage />} />
        <Route path="products/:slug" element={<ProductPage />} />
        <Route path="cart" element={<CartPage />} />
        <Route path="checkout" element={<CheckoutPage />} />
        <Route path="orders/confirmation" element={<ConfirmationPage />} />
        <Route path="orders/track/:token" element={<TrackPage />} />
        <Route path="track" element={<LookupPage />} />
        <Route path="login" element={<LoginPage />} />
        <Route path="register" element={<RegisterPage />} />
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route path="reset-password" element={<ResetPasswordPage />} />
        <Route path="account/orders" element={<RequireAuth><MyOrdersPage /></RequireAuth>} />
        <Route path="account/orders/:id" element={<RequireAuth><MyOrderPage /></RequireAuth>} />
        <Route path="admin" element={<RequireAdmin><Suspense fallback={<Loading />}><AdminLayout /></Suspense></RequireAdmin>}>
          <Route index element={<AdminOverviewPage />} />
          <Route path="products" element={<AdminProductsPage />} />
          <Route path="products/new" element={<AdminProductFormPage />} />
          <Route path="products/import" element={<AdminImportPage />} />
          <Route path="products/:id" element={<AdminProductFormPage />} />
          <Route path="categories" element={<AdminCategoriesPage />} />
          <Route path="promotions" element={<AdminPromotionsPage />} />
          <Route path="promotions/new" element={<AdminPromotionFormPage />} />
          <Route path="promotions/:id" element={<AdminPromotionFormPage />} />
          <Route path="orders" element={<AdminOrdersPage />} />
          <Route path="orders/:id" element={<AdminOrderPage />} />
          <Route path="users" element={<AdminUsersPage />} />
          <Route path="users/:id" element={<AdminUserPage />} />
          <Route path="two-factor" element={<AdminTwoFactorPage />} />
        </Route>
        <Route path="*" element={<EmptyState title="Page not found">The page you asked for does not exist.</EmptyState>} />
      </Route>
    </Routes>
  );
}

export default function App() {
  return (
    <BrowserRouter>
      <AuthProvider>
        <CartProvider>
          <AppRoutes />
        </CartProvider>
      </AuthProvider>
    </BrowserRouter>
  );
}
