package com.acme.shop.catalog;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a catalog method that changes what the public catalog reads show (products, their prices, stock, activity):
 * once its work commits, this instance's cached reads are dropped ({@link CatalogCache#changed()}).
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface ChangesCatalog {
}
