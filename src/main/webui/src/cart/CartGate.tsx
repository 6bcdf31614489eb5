import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Cart } from '../api/generated';
import { LoadGate } from '../components/LoadGate';
import { EmptyState } from '../components/ui';
import { useCart } from './CartContext';

/** The cart pages' gate: loading, "could not be loaded" with "Try again", the empty cart, else `children`. */
export function CartGate({ children }: { children(cart: Cart): ReactNode }) {
  const { cart, loading, problem, reload } = useCart();
  return (
    <LoadGate state={{ data: cart, loading, problem, reload }} loadingLabel="Loading your cart…"
      errorMessage="Your cart could not be loaded.">
      {(c) => (c.items.length === 0 ? (
        <EmptyState title="Your cart is empty">
          <p><Link to="/">Browse products</Link></p>
        </EmptyState>
      ) : children(c))}
    </LoadGate>
  );
}
