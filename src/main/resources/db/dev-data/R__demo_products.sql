-- Dev mode only (see %dev.quarkus.flyway.locations): a few demo products to click through.
INSERT INTO product (id, sku, slug, name, description, price_cents, active, image_url) VALUES
  ('00000000-0000-4000-8000-000000000001', 'MUG-001', 'enamel-camp-mug', 'Enamel Camp Mug', 'A speckled enamel mug that survives campfires.', 1800, true, null),
  ('00000000-0000-4000-8000-000000000002', 'TEE-001', 'organic-cotton-tee', 'Organic Cotton Tee', 'Heavyweight organic cotton, boxy fit.', 3200, true, null),
  ('00000000-0000-4000-8000-000000000003', 'BAG-001', 'waxed-canvas-tote', 'Waxed Canvas Tote', 'Water-resistant tote with leather handles.', 6500, true, null),
  ('00000000-0000-4000-8000-000000000004', 'KNF-001', 'folding-pocket-knife', 'Folding Pocket Knife', 'Stainless blade, olive wood handle.', 4900, true, null),
  ('00000000-0000-4000-8000-000000000005', 'CAN-001', 'soy-wax-candle', 'Soy Wax Candle', 'Cedar and smoke, 40 hour burn.', 2400, true, null),
  ('00000000-0000-4000-8000-000000000006', 'OLD-001', 'discontinued-lantern', 'Discontinued Lantern', 'No longer sold.', 9900, false, null)
ON CONFLICT DO NOTHING;

-- Each product's one variant (V15: the stock lives there).
INSERT INTO product_variant (id, product_id, sku, price_cents, stock, active, position, combination_key) VALUES
  ('00000000-0000-4000-9000-000000000001', '00000000-0000-4000-8000-000000000001', 'MUG-001', 1800, 40, true, 0, '{}'),
  ('00000000-0000-4000-9000-000000000002', '00000000-0000-4000-8000-000000000002', 'TEE-001', 3200, 25, true, 0, '{}'),
  ('00000000-0000-4000-9000-000000000003', '00000000-0000-4000-8000-000000000003', 'BAG-001', 6500, 10, true, 0, '{}'),
  ('00000000-0000-4000-9000-000000000004', '00000000-0000-4000-8000-000000000004', 'KNF-001', 4900, 5, true, 0, '{}'),
  ('00000000-0000-4000-9000-000000000005', '00000000-0000-4000-8000-000000000005', 'CAN-001', 2400, 0, true, 0, '{}'),
  ('00000000-0000-4000-9000-000000000006', '00000000-0000-4000-8000-000000000006', 'OLD-001', 9900, 3, true, 0, '{}')
ON CONFLICT DO NOTHING;

-- A product with options: a tee in two sizes and two colours (one combination not made, one sold out).
INSERT INTO product (id, sku, slug, name, description, price_cents, active, image_url) VALUES
  ('00000000-0000-4000-8000-000000000007', 'TRL-S-SAND', 'trail-tee', 'Trail Tee', 'Merino blend, in sizes and colours.', 3400, true, null)
ON CONFLICT DO NOTHING;
INSERT INTO product_option (product_id, position, name) VALUES
  ('00000000-0000-4000-8000-000000000007', 0, 'Size'), ('00000000-0000-4000-8000-000000000007', 1, 'Colour')
ON CONFLICT DO NOTHING;
INSERT INTO product_option_value (product_id, option_position, position, value) VALUES
  ('00000000-0000-4000-8000-000000000007', 0, 0, 'S'), ('00000000-0000-4000-8000-000000000007', 0, 1, 'M'),
  ('00000000-0000-4000-8000-000000000007', 1, 0, 'Sand'), ('00000000-0000-4000-8000-000000000007', 1, 1, 'Moss')
ON CONFLICT DO NOTHING;
INSERT INTO product_variant (id, product_id, sku, price_cents, stock, active, position, combination_key) VALUES
  ('00000000-0000-4000-9000-000000000071', '00000000-0000-4000-8000-000000000007', 'TRL-S-SAND', 3400, 6, true, 0, '{"Size":"S","Colour":"Sand"}'),
  ('00000000-0000-4000-9000-000000000072', '00000000-0000-4000-8000-000000000007', 'TRL-M-SAND', 3400, 0, true, 1, '{"Size":"M","Colour":"Sand"}'),
  ('00000000-0000-4000-9000-000000000073', '00000000-0000-4000-8000-000000000007', 'TRL-M-MOSS', 3600, 4, true, 2, '{"Size":"M","Colour":"Moss"}')
ON CONFLICT DO NOTHING;
INSERT INTO product_variant_option_value (variant_id, product_id, option_position, value) VALUES
  ('00000000-0000-4000-9000-000000000071', '00000000-0000-4000-8000-000000000007', 0, 'S'),
  ('00000000-0000-4000-9000-000000000071', '00000000-0000-4000-8000-000000000007', 1, 'Sand'),
  ('00000000-0000-4000-9000-000000000072', '00000000-0000-4000-8000-000000000007', 0, 'M'),
  ('00000000-0000-4000-9000-000000000072', '00000000-0000-4000-8000-000000000007', 1, 'Sand'),
  ('00000000-0000-4000-9000-000000000073', '00000000-0000-4000-8000-000000000007', 0, 'M'),
  ('00000000-0000-4000-9000-000000000073', '00000000-0000-4000-8000-000000000007', 1, 'Moss')
ON CONFLICT DO NOTHING;
