import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The container's health probe: exits 0 when the URL answers 200, 1 otherwise (another status,
 * a redirect, nothing listening, no answer within 3 s). The JRE image has neither curl nor wget; this needs
 * only java.base. Used by the Dockerfile's HEALTHCHECK and docker-compose.yml.
 */
public final class HealthCheck {

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
            System.out.println(args[0] + " answered " + status);
            System.exit(status == 200 ? 0 : 1);
        } catch (Exception e) {
            System.out.println(args[0] + " did not answer: " + e);
            System.exit(1);
        }
    }
}
