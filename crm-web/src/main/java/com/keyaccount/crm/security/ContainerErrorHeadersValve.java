package com.keyaccount.crm.security;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * The security headers on every answer the container sends, set before anything else runs: a
 * request Tomcat refuses itself (a malformed URL such as {@code /customers/%zz}, a bad request
 * line) is answered by its own error report, and one Spring Security's firewall rejects (an
 * encoded {@code ..}) by the error page, both past the filter that writes the headers on the
 * application's pages. That filter leaves a header it finds alone, so each is sent once.
 */
class ContainerErrorHeadersValve extends ValveBase {

    ContainerErrorHeadersValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        SecurityHeaders.write(response);
        getNext().invoke(request, response);
    }
}
