package com.acme.shop.ordering;

import com.acme.shop.identity.Role;
import com.acme.shop.ordering.dto.AdminStatsDto;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/admin/stats")
@Tag(name = "Admin overview")
@RolesAllowed(Role.ADMIN_NAME)
@Produces(MediaType.APPLICATION_JSON)
public class AdminStatsResource {

    private final AdminStats stats;

    AdminStatsResource(AdminStats stats) {
        this.stats = stats;
    }

    @GET
    @Operation(operationId = "adminStats", summary = "The shop's numbers for a period: totals against the period before, a series, best sellers, low stock, orders waiting")
    @APIResponse(responseCode = "200", description = "The overview")
    public AdminStatsDto adminStats(
            @Parameter(description = "First day, inclusive (UTC); default: 29 days before to",
                    schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("from") LocalDate from,
            @Parameter(description = "Last day, inclusive (UTC); default: today. At most 366 days with interval=day",
                    schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("to") LocalDate to,
            @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {"day", "week", "month"}, defaultValue = "day"))
            @QueryParam("interval") AdminStats.Interval interval) {
        return stats.of(from, to, interval);
    }
}
