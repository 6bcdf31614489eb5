package com.acme.shop.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.acme.shop.support.Api;
import com.acme.shop.support.Catalog;
import com.acme.shop.support.Parallel;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SlugRaceTest {

    @Test
    void createsRacingForOneDerivedSlugAllSucceedWithDistinctSlugs() throws Exception {
        Api.Session admin = Api.admin();
        String name = "Racing Bike " + UUID.randomUUID().toString().substring(0, 8);
        String base = Slugs.derive(name);
        int parallel = 8;
        List<Response> responses = Parallel.run(parallel,
                i -> () -> admin.as().body(Catalog.product(name, 1000, 1)).post("/api/v1/admin/products"));
        Set<String> slugs = new HashSet<>();
        for (Response response : responses) {
            assertEquals(201, response.statusCode(), response.asString());
            slugs.add(response.path("slug"));
        }
        Set<String> expected = new HashSet<>();
        for (int n = 1; n <= parallel; n++) {
            expected.add(Slugs.candidate(base, n));
        }
        assertEquals(expected, slugs);
    }
}
