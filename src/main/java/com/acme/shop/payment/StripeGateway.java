package com.acme.shop.payment;

import com.acme.shop.platform.ApiException;
import com.acme.shop.platform.PublicUrls;
import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * The calls this shop makes to Stripe, through stripe-java pointed at {@code STRIPE_API_BASE}. Every call
 * carries an idempotency key derived from what it is for, so a retried call can never charge or refund twice.
 */
@ApplicationScoped
public class StripeGateway {

    private static final Logger LOG = Logger.getLogger(StripeGateway.class);

    private final StripeConfig config;
    private final PublicUrls urls;
    private volatile StripeClient client;

    StripeGateway(StripeConfig config, PublicUrls urls) {
        this.config = config;
        this.urls = urls;
    }

    public boolean configured() {
        return config.secretKey().filter(key -> !key.isBlank()).isPresent();
    }

    public record CreatedSession(String id, String url) {
    }

    public CreatedSession createSession(PaymentProvider.Request request, Instant expiresAt) {
        String orderId = request.orderId().toString();
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setClientReferenceId(orderId)
                .putMetadata("orderId", orderId)
                .putMetadata("orderNumber", request.orderNumber())
                .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder().putMetadata("orderId", orderId).build())
                .setCustomerEmail(request.email())
                .setExpiresAt(expiresAt.getEpochSecond())
                .setSuccessUrl(urls.to("/orders/confirmation?order=" + orderId + "&session_id={CHECKOUT_SESSION_ID}"))
                .setCancelUrl(urls.to("/cart?cancelled=" + orderId));
        for (PaymentProvider.Item item : request.items()) {
            params.addLineItem(SessionCreateParams.LineItem.builder()
                    .setQuantity(item.quantity())
                    .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                            .setCurrency(request.currency().toLowerCase(Locale.ROOT))
                            .setUnitAmount(item.unitAmountCents())
                            .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                    .setName(item.name()).build())
                            .build())
                    .build());
        }
        try {
            Session session = client().v1().checkout().sessions().create(params.build(),
                    RequestOptions.builder().setIdempotencyKey("checkout-session-" + orderId).build());
            return new CreatedSession(session.getId(), session.getUrl());
        } catch (StripeException | RuntimeException e) {
            LOG.warnf("Stripe Checkout Session for order %s failed: %s", orderId, e.getMessage());
            throw unavailable();
        }
    }

    public record RefundResult(String id, RefundStatus status) {
    }

    public RefundResult refund(String paymentIntent, long amountCents, String idempotencyKey) {
        try {
            com.stripe.model.Refund refund = client().v1().refunds().create(RefundCreateParams.builder()
                    .setPaymentIntent(paymentIntent).setAmount(amountCents).build(),
                    RequestOptions.builder().setIdempotencyKey(idempotencyKey).build());
            RefundStatus status = switch (refund.getStatus() == null ? "pending" : refund.getStatus()) {
                case "succeeded" -> RefundStatus.SUCCEEDED;
                case "failed", "canceled" -> RefundStatus.FAILED;
                default -> RefundStatus.PENDING;
            };
            return new RefundResult(refund.getId(), status);
        } catch (StripeException | RuntimeException e) {
            LOG.warnf("Stripe refund of %s failed: %s", paymentIntent, e.getMessage());
            throw unavailable();
        }
    }

    private StripeClient client() {
        StripeClient current = client;
        if (current == null) {
            if (!configured()) {
                throw unavailable();
            }
            current = StripeClient.builder().setApiKey(config.secretKey().get()).setApiBase(config.apiBase())
                    .setMaxNetworkRetries(2).setConnectTimeout(5_000).setReadTimeout(20_000).build();
            client = current;
        }
        return current;
    }

    static ApiException unavailable() {
        return new ApiException(503, "payment_unavailable", "Payment unavailable",
                "The payment provider cannot be reached right now; nothing was charged");
    }
}
