package bench;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** The bare Quarkus REST app bench/startup.sh measures beside the shop: one endpoint, nothing else. */
@Path("/hello")
public class Hello {

    @GET
    public String hello() {
        return "hello";
    }
}
