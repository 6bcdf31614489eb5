import type { ShippingAddress } from '../../api/generated';
import { countryName } from '../../lib/countries';

/** A postal address as the shopper typed it (the country by name). */
export function AddressBlock({ address }: { address: ShippingAddress }) {
  const cityLine = [address.postalCode, address.city].filter(Boolean).join(' ');
  return (
    <address>
      {address.fullName}<br />
      {address.line1}<br />
      {address.line2 ? <>{address.line2}<br /></> : null}
      {cityLine}{address.region ? `, ${address.region}` : ''}<br />
      {countryName(address.country)}
      {address.phone ? <><br />{address.phone}</> : null}
    </address>
  );
}
