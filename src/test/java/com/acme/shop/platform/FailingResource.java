package com.acme.shop.platform;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Test-only endpoint that fails the way a bug would, to prove the catch-all hides internals. */
@Path("/test-support/boom") // served at /api/test-support/boom (quarkus.rest.path)
public class FailingResource {

    @GET
    @Operation(hidden = true)
    public String boom() {
        throw new IllegalStateException("ERROR: SELECT secret FROM app_user failed at com.acme.shop.Secret");
    }
}
