package com.acme.shop.catalog.dto;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What the filtered result holds, to narrow it further. A product's <em>matching variants</em> are its active
 * variants that pass every variant filter of the request ({@code minPriceCents}, {@code maxPriceCents},
 * {@code inStock}, {@code option.*}); without such filters, all its active variants.
 * <ul>
 * <li>{@code categories}: per category, the products of the result filed under it or under one of its descendants
 * (as the {@code category} filter counts them); categories holding none are left out.</li>
 * <li>{@code options}: per option name and value, the products of the result that have a matching variant with that
 * value (a product counts once per value however many of its variants have it).</li>
 * <li>{@code price}: the lowest and highest price of the result's matching variants; both null for an empty
 * result.</li>
 * </ul>
 */
@Schema(name = "ProductFacets", description = "Counts over the whole filtered result. A product counts under a "
        + "category when filed under it or one of its descendants, and under an option value when one of its active "
        + "variants that pass the request's variant filters (price, inStock, option.*) has that value; price spans "
        + "those variants' prices")
public record ProductFacets(
        @Schema(required = true) List<CategoryCount> categories,
        @Schema(required = true) List<OptionCounts> options,
        @Schema(required = true) PriceRange price) {

    @Schema(name = "CategoryFacet")
    public record CategoryCount(@Schema(required = true) String slug, @Schema(required = true) String name,
            @Schema(required = true) long count) {
    }

    @Schema(name = "OptionFacet")
    public record OptionCounts(@Schema(required = true) String name, @Schema(required = true) List<ValueCount> values) {
    }

    @Schema(name = "OptionValueFacet")
    public record ValueCount(@Schema(required = true) String value, @Schema(required = true) long count) {
    }

    @Schema(name = "PriceFacet")
    public record PriceRange(@Schema(required = true, nullable = true) Long minCents,
            @Schema(required = true, nullable = true) Long maxCents) {
    }

    public static ProductFacets none() {
        return new ProductFacets(List.of(), List.of(), new PriceRange(null, null));
    }
}
