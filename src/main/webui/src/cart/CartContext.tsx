import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import {
  addCartItem, applyCartPromotion, getCart, removeCartItem, removeCartPromotion, setCartItemQuantity,
  type Cart, type CartItem, type Problem,
} from '../api/generated';
import { problemOf } from '../api/problem';
import { useAuth } from '../auth/AuthContext';

export type CartState = {
  cart: Cart | null;
  loading: boolean;
  /** Why the last load failed (null once one succeeds). */
  problem: Problem | null;
  reload(): Promise<Cart | null>;
  /** `variantId` is needed for a product with several variants. */
  add(productId: string, quantity: number, variantId?: string): Promise<Cart>;
  /** `key`: the line's {@link lineKey}. */
  setQuantity(key: string, quantity: number): Promise<Cart>;
  remove(key: string): Promise<Cart>;
  /** Applies a discount code (replacing the cart's one); refused with promotion_invalid or promotion_exhausted. */
  applyPromotion(code: string): Promise<Cart>;
  removePromotion(code: string): Promise<Cart>;
  /** After checkout: the server emptied the cart. */
  clearLocal(): void;
};

const CartContext = createContext<CartState | null>(null);

/**
 * The caller's cart: a guest's lives behind the `cart_token` cookie, a customer's in the account. It is
 * reloaded whenever the signed-in user changes, which is when the server has merged a guest cart.
 */
export function CartProvider({ children }: { children: ReactNode }) {
  const { status, user } = useAuth();
  const [cart, setCart] = useState<Cart | null>(null);
  const [loading, setLoading] = useState(true);
  const [problem, setProblem] = useState<Problem | null>(null);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const { data } = await getCart({ throwOnError: true });
      setCart(data);
      setProblem(null);
      return data;
    } catch (error) {
      setProblem(problemOf(error));
      return null;
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    if (status !== 'loading') void reload();
  }, [status, user?.id, reload]);

  const add = useCallback(async (productId: string, quantity: number, variantId?: string) => {
    const body = variantId ? { productId, variantId, quantity } : { productId, quantity };
    const { data } = await addCartItem({ body, throwOnError: true });
    setCart(data);
    return data;
  }, []);

  const setQuantity = useCallback(async (key: string, quantity: number) => {
    const { data } = await setCartItemQuantity({ path: { key }, body: { quantity }, throwOnError: true });
    setCart(data);
    return data;
  }, []);

  const remove = useCallback(async (key: string) => {
    const { data } = await removeCartItem({ path: { key }, throwOnError: true });
    setCart(data);
    return data;
  }, []);

  const applyPromotion = useCallback(async (code: string) => {
    const { data } = await applyCartPromotion({ body: { code }, throwOnError: true });
    setCart(data);
    return data;
  }, []);

  const removePromotion = useCallback(async (code: string) => {
    const { data } = await removeCartPromotion({ path: { code }, throwOnError: true });
    setCart(data);
    return data;
  }, []);

  const clearLocal = useCallback(() => {
    setCart((c) => (c ? {
      ...c, items: [], itemCount: 0, subtotalCents: 0, promotion: null, discountCents: 0, shippingCents: 0, taxCents: 0,
      totalCents: 0,
    } : c));
  }, []);

  const value = useMemo(() => ({
    cart, loading, problem, reload, add, setQuantity, remove, applyPromotion, removePromotion, clearLocal,
  }), [cart, loading, problem, reload, add, setQuantity, remove, applyPromotion, removePromotion, clearLocal]);
  return <CartContext.Provider value={value}>{children}</CartContext.Provider>;
}

/**
 * How the server names a cart line (in its URL and in insufficient_stock errors): the variant id, or the product id
 * for a product without options, as before variants.
 */
export function lineKey(item: CartItem): string {
  return Object.keys(item.options ?? {}).length === 0 ? item.productId : item.variantId;
}

/** A variant's options as shoppers read them: "Size: M, Colour: Blue" ('' without options). */
export function optionsText(options: Record<string, string> | undefined): string {
  return Object.entries(options ?? {}).map(([name, value]) => `${name}: ${value}`).join(', ');
}

/**
 * The store's currency: every cart answer (even an empty one) names it, so amounts whose DTO carries no
 * currency (a customer's total spent, a new product's price) use it instead of assuming one.
 */
export function useStoreCurrency(): string {
  return useContext(CartContext)?.cart?.currency ?? 'USD';
}

export function useCart(): CartState {
  const ctx = useContext(CartContext);
  if (!ctx) throw new Error('useCart outside CartProvider');
  return ctx;
}
