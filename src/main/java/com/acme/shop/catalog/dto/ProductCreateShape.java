package com.acme.shop.catalog.dto;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A create carries either the v1 {@code sku}, {@code priceCents} and {@code stock} (one default variant) or
 * {@code variants} (then those three are derived and left out). Each missing or extra field is reported by name.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ProductCreateShape.Check.class)
public @interface ProductCreateShape {

    String message() default "must not be null";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<ProductCreateShape, ProductCreate> {

        @Override
        public boolean isValid(ProductCreate value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            boolean withVariants = value.variants() != null;
            String message = withVariants ? "must be left out when variants are given" : "must not be null";
            boolean ok = true;
            context.disableDefaultConstraintViolation();
            ok &= check(context, "sku", (value.sku() != null) == withVariants, message);
            ok &= check(context, "priceCents", (value.priceCents() != null) == withVariants, message);
            ok &= check(context, "stock", (value.stock() != null) == withVariants, message);
            if (value.images() != null && value.imageUrl() != null) {
                ok &= check(context, "imageUrl", true, "must be left out when images are given");
            }
            if (!withVariants && value.options() != null && !value.options().isEmpty()) {
                ok &= check(context, "variants", true, "must not be null when options are given");
            }
            return ok;
        }

        private static boolean check(ConstraintValidatorContext context, String field, boolean bad, String message) {
            if (bad) {
                context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
            }
            return !bad;
        }
    }
}
