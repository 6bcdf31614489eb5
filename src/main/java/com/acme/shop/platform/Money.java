package com.acme.shop.platform;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/** The one place minor units become text: 1999 USD is "$19.99". */
public final class Money {

    /** One configured format per currency, cloned per use (a NumberFormat is not thread-safe; building one is slow). */
    private static final ConcurrentHashMap<String, NumberFormat> FORMATS = new ConcurrentHashMap<>();

    private Money() {
    }

    public static String format(long minorUnits, String currencyCode) {
        NumberFormat format = (NumberFormat) FORMATS.computeIfAbsent(currencyCode, Money::formatFor).clone();
        return format.format(BigDecimal.valueOf(minorUnits, format.getMaximumFractionDigits()));
    }

    private static NumberFormat formatFor(String currencyCode) {
        Currency currency = Currency.getInstance(currencyCode);
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        format.setCurrency(currency);
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format;
    }
}
