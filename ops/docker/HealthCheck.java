import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The container's health probe: exits 0 when the URL answers 200, 1 otherwise (another status,
 * a redirect, nothing listening, no answer within 3 s). The JRE image has neither curl nor wget; this needs
 * only java.base. Used by the Dockerfile's HEALTHCHECK and docker-compose.yml.
 */
public final class HealthCheck {

    // the JDK's own logger: the probe runs as a single source file, with no libraries on its path
    private static final System.Logger LOG = System.getLogger(HealthCheck.class.getName());

    private HealthCheck() {
    }

    public static void main(String[] args) {
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(args[0]).toURL().openConnection();
            connection.setConnectTimeout(3_000);
            connection.setReadTimeout(3_000);
            // a redirect (e.g. to the sign-in page) is not health
            connection.setInstanceFollowRedirects(false);
            int status = connection.getResponseCode();
            LOG.log(System.Logger.Level.INFO, "{0} answered {1}", args[0], status);
            System.exit(status == 200 ? 0 : 1);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "{0} did not answer: {1}", args[0], e);
            System.exit(1);
        }
    }
}
