-- The storefront list's variant filters and facets (issue 16): an index for each, so that a filter can be started
-- from the variants it names instead of walking the catalog, and the facets read only what they count.

-- option.<name>=<value>: the products that have an option of that name (the name lives on product_option), then
-- their variants holding the value.
CREATE INDEX product_option_by_name ON product_option (name, product_id, position);
CREATE INDEX product_variant_option_value_by_option_value
    ON product_variant_option_value (value, option_position, product_id, variant_id);

-- minPriceCents / maxPriceCents: active variants by price, with their product (an index-only range scan).
CREATE INDEX product_variant_active_by_price ON product_variant (price_cents, product_id) WHERE active;

-- inStock=true: the products that have an active variant in stock.
CREATE INDEX product_variant_active_in_stock ON product_variant (product_id) WHERE active AND stock > 0;
