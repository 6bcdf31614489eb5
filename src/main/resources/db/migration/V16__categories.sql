-- Categories: a tree (each category has at most one parent) and the products filed under each.
-- Slugs are their own namespace (a category and a product may share one).
CREATE TABLE category (
    id         uuid        PRIMARY KEY,
    -- RESTRICT: a category with children cannot be deleted (the API answers 409 before it gets here; this holds
    -- when a child is added while the delete runs).
    parent_id  uuid        CONSTRAINT category_parent_fk REFERENCES category (id) ON DELETE RESTRICT,
    slug       text        NOT NULL,
    name       text        NOT NULL,
    position   integer     NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT category_slug_unique UNIQUE (slug),
    CONSTRAINT category_slug_format CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 120),
    CONSTRAINT category_name_present CHECK (length(btrim(name)) BETWEEN 1 AND 200),
    CONSTRAINT category_position_nonnegative CHECK (position >= 0),
    CONSTRAINT category_not_its_own_parent CHECK (parent_id <> id)
);

-- Children of a parent in display order (the tree, the descendants walk of the product filter); top-level
-- categories have a NULL parent, which a b-tree indexes too.
CREATE INDEX category_children ON category (parent_id, position, id);
-- The range scans that find the "-N" forms of a derived slug, whatever the database collation (as for products).
CREATE INDEX category_slug_bytewise ON category ((slug COLLATE "C"));

-- No cycles, whoever writes and however many write at once. Every change of a parent takes one transaction-scoped
-- advisory lock, so moves happen one after the other (across every instance of the service); then the new parent's
-- ancestry is walked. Under READ COMMITTED each statement of the walk reads what the moves before it committed, so
-- "A under B" and "B under A" at the same time cannot both pass: the second one sees the first and is refused. Each
-- ancestor is read FOR SHARE, so under REPEATABLE READ or SERIALIZABLE a move of an ancestor that this
-- transaction's snapshot does not show fails with a serialization error instead of being missed.
-- The service takes the same lock before it writes, so its own check and this one see the same tree.
CREATE FUNCTION category_no_cycle() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    ancestor uuid := NEW.parent_id;
    steps    integer := 0;
BEGIN
    PERFORM pg_advisory_xact_lock(1128354885, 1); -- 'CATE', the category tree
    WHILE ancestor IS NOT NULL LOOP
        IF ancestor = NEW.id OR steps > 100000 THEN
            RAISE EXCEPTION 'new row for relation "category" violates check constraint "category_no_cycle"'
                USING ERRCODE = 'check_violation', CONSTRAINT = 'category_no_cycle', TABLE = 'category',
                      DETAIL = 'A category cannot be moved under itself or one of its descendants.';
        END IF;
        SELECT parent_id INTO ancestor FROM category WHERE id = ancestor FOR SHARE;
        steps := steps + 1;
    END LOOP;
    RETURN NEW;
END $$;

CREATE TRIGGER category_moved_without_cycle BEFORE UPDATE OF parent_id ON category
    FOR EACH ROW WHEN (NEW.parent_id IS DISTINCT FROM OLD.parent_id) EXECUTE FUNCTION category_no_cycle();

-- A product's categories. Deleting a category unfiles its products (they keep existing); products are archived,
-- not deleted, but a deleted one takes its links with it.
CREATE TABLE product_category (
    product_id  uuid NOT NULL CONSTRAINT product_category_product_fk REFERENCES product (id) ON DELETE CASCADE,
    category_id uuid NOT NULL CONSTRAINT product_category_category_fk REFERENCES category (id) ON DELETE CASCADE,
    CONSTRAINT product_category_pk PRIMARY KEY (product_id, category_id)
);

-- The list filter goes from categories to their products (the primary key serves product -> categories).
CREATE INDEX product_category_by_category ON product_category (category_id, product_id);
