package com.acme.shop.catalog;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "product")
public class Product extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The first variant's sku (the v1 view). */
    @Column(nullable = false)
    public String sku;

    @Column(nullable = false)
    public String slug;

    @Column(nullable = false)
    public String name;

    public String description;

    /** The lowest price of the active variants, kept by the catalog (the price sort's index reads it). */
    @Column(name = "price_cents", nullable = false)
    public long priceCents;

    @Column(nullable = false)
    public boolean active;

    /** The first image's url, kept by the catalog. */
    @Column(name = "image_url")
    public String imageUrl;

    /** Optimistic lock: every write bumps it; a PATCH carrying an older one is refused. */
    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
