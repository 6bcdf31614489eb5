package com.acme.shop.ordering;

/** The address snapshot taken at checkout (an order's {@code ship_*} columns); later account changes never touch it. */
public class ShippingAddress {

    public String fullName;

    public String line1;

    public String line2;

    public String city;

    public String region;

    public String postalCode;

    public String country;

    public String phone;
}
