-- The storefront's filtered, faceted list at 100,000 products (issue 16): what a filter asks of a product, kept on the
-- product and its variants as arrays of tokens, so that the result is one GIN index lookup and the facets read one
-- narrow row per variant instead of joining four tables per variant (bench/facets.sh: a category and an option filter
-- went from about a second per request to 50-80 ms
-- uncached at 100,000 products and 300,000 variants).
--
-- Tokens (chr(31), the unit separator, never appears in names or values: the API refuses control characters there):
--   variant.option_tokens   name || US || value for each of its option values, in option order; option_positions
--                           holds each value's position among its option's values (the facets list values in it)
--   product.filter_tokens   'c' || US || id   for each category it is filed under and each of their ancestors
--                           'o' || US || name || US || value   for each option value one of its ACTIVE variants has
-- They are derived data, written only by the triggers below (never by the application), so every write path (the API,
-- CSV import, a migration, a bench loading rows) keeps them; `catalog_filter_tokens_rebuild()` recomputes them all.

ALTER TABLE product_variant ADD COLUMN option_tokens text[] NOT NULL DEFAULT '{}';
ALTER TABLE product_variant ADD COLUMN option_positions smallint[] NOT NULL DEFAULT '{}';
ALTER TABLE product ADD COLUMN filter_tokens text[] NOT NULL DEFAULT '{}';

-- The products' tokens from their categories (and those categories' ancestors) and their active variants' tokens.
-- The products are locked before they are read, so of two transactions changing one product's variants or categories
-- at once, the second computes with the first's change committed (READ COMMITTED: each statement here reads anew).
CREATE FUNCTION product_filter_tokens_refresh(product_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF cardinality(product_ids) = 0 THEN
        RETURN;
    END IF;
    PERFORM 1 FROM product WHERE id = ANY (product_ids) ORDER BY id FOR NO KEY UPDATE;
    WITH RECURSIVE wanted(id) AS (SELECT DISTINCT unnest(product_ids)),
    filed(product_id, category_id) AS (
        SELECT pc.product_id, pc.category_id FROM product_category pc JOIN wanted w ON w.id = pc.product_id
        UNION
        SELECT f.product_id, c.parent_id FROM filed f JOIN category c ON c.id = f.category_id
        WHERE c.parent_id IS NOT NULL),
    tokens(product_id, token) AS (
        SELECT product_id, 'c' || chr(31) || category_id::text FROM filed
        UNION
        SELECT v.product_id, 'o' || chr(31) || t.token
        FROM product_variant v JOIN wanted w ON w.id = v.product_id CROSS JOIN unnest(v.option_tokens) AS t(token)
        WHERE v.active),
    computed AS (
        SELECT w.id, coalesce(array_agg(t.token ORDER BY t.token) FILTER (WHERE t.token IS NOT NULL), '{}') AS tokens
        FROM wanted w LEFT JOIN tokens t ON t.product_id = w.id GROUP BY w.id)
    UPDATE product p SET filter_tokens = c.tokens
    FROM computed c WHERE p.id = c.id AND p.filter_tokens <> c.tokens;
END $$;

-- The variants' tokens from their option value rows; then their products' tokens, which hold them.
CREATE FUNCTION variant_option_tokens_refresh(variant_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    products uuid[];
BEGIN
    IF cardinality(variant_ids) = 0 THEN
        RETURN;
    END IF;
    WITH changed AS (
        UPDATE product_variant v
        SET option_tokens = t.tokens, option_positions = t.positions
        FROM (SELECT w.id,
                     coalesce(array_agg(o.name || chr(31) || ov.value ORDER BY ov.option_position)
                              FILTER (WHERE ov.variant_id IS NOT NULL), '{}') AS tokens,
                     coalesce(array_agg(pov.position ORDER BY ov.option_position)
                              FILTER (WHERE ov.variant_id IS NOT NULL), '{}') AS positions
              FROM (SELECT DISTINCT unnest(variant_ids) AS id) w
              LEFT JOIN product_variant_option_value ov ON ov.variant_id = w.id
              LEFT JOIN product_option o ON o.product_id = ov.product_id AND o.position = ov.option_position
              LEFT JOIN product_option_value pov ON pov.product_id = ov.product_id
                   AND pov.option_position = ov.option_position AND pov.value = ov.value
              GROUP BY w.id) t
        WHERE v.id = t.id AND (v.option_tokens <> t.tokens OR v.option_positions <> t.positions)
        RETURNING v.product_id)
    SELECT array_agg(DISTINCT product_id) INTO products FROM changed;
    IF products IS NOT NULL THEN
        PERFORM product_filter_tokens_refresh(products);
    END IF;
END $$;

-- A variant's option values written or removed (also by cascades from options, values and variants).
CREATE FUNCTION variant_option_values_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM variant_option_tokens_refresh(ARRAY(SELECT variant_id FROM new_rows));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM variant_option_tokens_refresh(ARRAY(SELECT variant_id FROM old_rows));
    ELSE
        PERFORM variant_option_tokens_refresh(ARRAY(SELECT variant_id FROM new_rows UNION SELECT variant_id FROM old_rows));
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER variant_option_values_inserted AFTER INSERT ON product_variant_option_value
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION variant_option_values_changed();
CREATE TRIGGER variant_option_values_updated AFTER UPDATE ON product_variant_option_value
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION variant_option_values_changed();
CREATE TRIGGER variant_option_values_deleted AFTER DELETE ON product_variant_option_value
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION variant_option_values_changed();

-- An option renamed or a value moved: the tokens of the product's variants spell names and positions.
CREATE FUNCTION product_options_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM variant_option_tokens_refresh(ARRAY(
        SELECT v.id FROM product_variant v WHERE v.product_id IN (SELECT product_id FROM new_rows)));
    RETURN NULL;
END $$;
CREATE TRIGGER product_option_renamed AFTER UPDATE ON product_option
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION product_options_changed();
CREATE TRIGGER product_option_value_moved AFTER UPDATE ON product_option_value
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION product_options_changed();

-- Variants added or removed: their products' tokens. (A variant's new tokens refresh its product above.)
CREATE FUNCTION variants_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM product_filter_tokens_refresh(ARRAY(SELECT product_id FROM new_rows));
    ELSE
        PERFORM product_filter_tokens_refresh(ARRAY(SELECT product_id FROM old_rows));
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER product_variant_inserted AFTER INSERT ON product_variant
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION variants_changed();
CREATE TRIGGER product_variant_deleted AFTER DELETE ON product_variant
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION variants_changed();

-- A variant archived or brought back. Row-level, because only a row-level trigger can name its column and condition
-- (PostgreSQL allows no column list with transition tables): checkout's stock takes never run it.
CREATE FUNCTION variant_toggled() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM product_filter_tokens_refresh(ARRAY[NEW.product_id]);
    RETURN NULL;
END $$;
CREATE TRIGGER product_variant_toggled AFTER UPDATE OF active ON product_variant
    FOR EACH ROW WHEN (OLD.active IS DISTINCT FROM NEW.active) EXECUTE FUNCTION variant_toggled();

-- Products filed or unfiled (also by the cascade of a category's delete).
CREATE FUNCTION product_categories_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM product_filter_tokens_refresh(ARRAY(SELECT product_id FROM new_rows));
    ELSE
        PERFORM product_filter_tokens_refresh(ARRAY(SELECT product_id FROM old_rows));
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER product_category_inserted AFTER INSERT ON product_category
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION product_categories_changed();
CREATE TRIGGER product_category_deleted AFTER DELETE ON product_category
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION product_categories_changed();

-- A category moved: every product filed in its subtree has other ancestors now.
CREATE FUNCTION categories_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM product_filter_tokens_refresh(ARRAY(
        WITH RECURSIVE subtree(id) AS (
            SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE n.parent_id IS DISTINCT FROM o.parent_id
            UNION SELECT c.id FROM category c JOIN subtree s ON c.parent_id = s.id)
        SELECT DISTINCT pc.product_id FROM product_category pc JOIN subtree s ON s.id = pc.category_id));
    RETURN NULL;
END $$;
CREATE TRIGGER category_moved_retokens_products AFTER UPDATE ON category
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION categories_moved();

CREATE FUNCTION catalog_filter_tokens_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM variant_option_tokens_refresh(ARRAY(SELECT id FROM product_variant));
    PERFORM product_filter_tokens_refresh(ARRAY(SELECT id FROM product));
END $$;
SELECT catalog_filter_tokens_rebuild();
-- Every product and variant row was rewritten: fresh statistics for the planner (the new columns have none).
ANALYZE product;
ANALYZE product_variant;

-- The result of a category and option filter: one lookup intersecting the tokens' posting lists.
CREATE INDEX product_active_filter_tokens ON product USING gin (filter_tokens) WHERE active;
-- The result's matching variants with what the facets count, an index-only lookup by product (a variant's own row
-- is elsewhere on disk for each of them: measured 93 ms for 4,000 products' variants, 20 ms from this index).
CREATE INDEX product_variant_active_facets ON product_variant (product_id)
    INCLUDE (price_cents, stock, option_tokens, option_positions) WHERE active;
-- V17's option indexes served the EXISTS probes the tokens replace.
DROP INDEX product_option_by_name;
DROP INDEX product_variant_option_value_by_option_value;

-- The separator never appears inside a name or value (the API refuses control characters in them: 400).
ALTER TABLE product_option ADD CONSTRAINT product_option_name_printable CHECK (name !~ '[[:cntrl:]]') NOT VALID;
ALTER TABLE product_option_value ADD CONSTRAINT product_option_value_printable CHECK (value !~ '[[:cntrl:]]') NOT VALID;
