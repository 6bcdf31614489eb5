package com.acme.shop.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * How a bad value's path becomes the dotted {@code errors[].field} of a problem: paths made by the real Hibernate
 * Validator and the real Jackson, without Quarkus.
 */
class ProblemFieldPathsTest {

    public static class Address {
        @NotNull
        @Size(min = 2, max = 2)
        public String country;
        @NotBlank
        public String city = "London";

        Address(String country) {
            this.country = country;
        }
    }

    public static class Line {
        @Min(1)
        public int quantity;

        Line(int quantity) {
            this.quantity = quantity;
        }
    }

    public static class Order {
        @NotBlank
        public String email = "a@example.com";
        @Valid
        public Address shippingAddress = new Address("GB");
        public List<@Valid Line> lines = List.of(new Line(1));
        public List<@NotBlank String> tags = List.of("ok");
        public boolean consistent = true;

        @AssertTrue
        public boolean isConsistent() {
            return consistent;
        }
    }

    public static class Register {
        @NotBlank
        public String email;
    }

    public static class Resource {
        public void register(@Valid @NotNull Register request) {
        }

        public void page(@Max(100) int size) {
        }
    }

    /** Jackson's view of an order: numbers where the tests put words. */
    public static class JsonOrder {
        public JsonAddress shippingAddress;
        public List<JsonLine> lines;
        public int size;
    }

    public static class JsonAddress {
        public int floor;
    }

    public static class JsonLine {
        public int quantity;
    }

    private static ValidatorFactory factory;
    private static Validator validator;
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void validator() {
        factory = Validation.byDefaultProvider().configure().messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    private static Set<String> fields(Set<? extends ConstraintViolation<?>> violations) {
        Set<String> fields = new TreeSet<>();
        for (ConstraintViolation<?> violation : violations) {
            fields.add(ProblemMappers.fieldPath(violation.getPropertyPath()));
        }
        return fields;
    }

    private static Set<String> fieldsOf(Object bean) {
        return fields(validator.validate(bean));
    }

    private static Set<String> parameterFields(String method, Class<?> type, Object argument) throws Exception {
        Method m = Resource.class.getMethod(method, type);
        return fields(validator.forExecutables().validateParameters(new Resource(), m, new Object[] {argument}));
    }

    private static String jsonField(String body) {
        MismatchedInputException e = assertThrows(MismatchedInputException.class,
                () -> JSON.readValue(body, JsonOrder.class));
        return ProblemMappers.jsonPath(e.getPath());
    }

    @Test
    void aTopLevelPropertyIsItsName() {
        Order order = new Order();
        order.email = " ";
        assertEquals(Set.of("email"), fieldsOf(order));
    }

    @Test
    void nestedPropertiesAreJoinedWithDots() {
        Order order = new Order();
        order.shippingAddress = new Address("GBR");
        order.shippingAddress.city = "";
        assertEquals(Set.of("shippingAddress.city", "shippingAddress.country"), fieldsOf(order));
    }

    @Test
    void listElementsCarryTheirIndex() {
        Order order = new Order();
        order.lines = List.of(new Line(1), new Line(0));
        assertEquals(Set.of("lines[1].quantity"), fieldsOf(order));
    }

    @Test
    void containerElementsAreTheirIndexWithoutAName() {
        Order order = new Order();
        order.tags = List.of("ok", "");
        assertEquals(Set.of("tags[1]"), fieldsOf(order));
    }

    @Test
    void aGetterConstraintIsNamedAfterItsProperty() {
        Order order = new Order();
        order.consistent = false;
        assertEquals(Set.of("consistent"), fieldsOf(order));
    }

    @Test
    void theMethodAndParameterPrefixOfABodyIsStripped() throws Exception {
        assertEquals(Set.of("email"), parameterFields("register", Register.class, new Register()));
    }

    @Test
    void aConstraintOnTheParameterItselfIsNamedAfterTheParameter() throws Exception {
        assertEquals(Set.of("size"), parameterFields("page", int.class, 1000));
    }

    @Test
    void aMissingBodyIsTheBodyParameter() throws Exception {
        assertEquals(Set.of("request"), parameterFields("register", Register.class, null));
    }

    @Test
    void aJsonFieldOfTheWrongTypeIsItsDottedPath() {
        assertEquals("size", jsonField("{\"size\": \"ten\"}"));
        assertEquals("shippingAddress.floor", jsonField("{\"shippingAddress\": {\"floor\": \"top\"}}"));
    }

    @Test
    void aJsonArrayElementCarriesItsIndex() {
        assertEquals("lines[1].quantity", jsonField("{\"lines\": [{\"quantity\": 1}, {\"quantity\": \"two\"}]}"));
        assertEquals("lines[0]", jsonField("{\"lines\": [\"not an object\"]}"));
    }

    @Test
    void aBodyOfTheWrongShapeHasNoField() {
        assertEquals("", jsonField("[1, 2, 3]"));
    }
}
