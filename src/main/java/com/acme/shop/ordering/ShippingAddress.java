package com.acme.shop.ordering;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The address snapshot taken at checkout; later changes to an account never touch it. */
@Embeddable
public class ShippingAddress {

    @Column(name = "ship_full_name", nullable = false)
    public String fullName;

    @Column(name = "ship_line1", nullable = false)
    public String line1;

    @Column(name = "ship_line2")
    public String line2;

    @Column(name = "ship_city", nullable = false)
    public String city;

    @Column(name = "ship_region")
    public String region;

    @Column(name = "ship_postal_code", nullable = false)
    public String postalCode;

    @Column(name = "ship_country", nullable = false, length = 2)
    @JdbcTypeCode(SqlTypes.CHAR)
    public String country;

    @Column(name = "ship_phone")
    public String phone;
}
