package com.acme.shop.payment;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/payments/stripe/webhook")
@Tag(name = "Payments")
public class StripeWebhookResource {

    private final StripeWebhooks webhooks;

    StripeWebhookResource(StripeWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "stripeWebhook", summary = "Stripe events, signed with the endpoint secret")
    @APIResponse(responseCode = "200", description = "Handled, duplicate or ignored: unknown types, content that is not "
            + "what the type promises, and paid events that do not match the order's session, total and currency "
            + "(which change nothing)")
    @APIResponse(responseCode = "400", description = "invalid_signature: missing, wrong or older than 300 s; "
            + "validation_failed: the signed body is not JSON; nothing changed")
    @APIResponse(responseCode = "503", description = "payment_unavailable: webhooks are not configured; "
            + "service_unavailable: the database cannot be reached (Stripe retries)")
    public Map<String, Boolean> stripeWebhook(
            @Parameter(required = true) @HeaderParam("Stripe-Signature") String signature, String payload) {
        webhooks.receive(payload, signature);
        return Map.of("received", true);
    }
}
