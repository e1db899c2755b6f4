package com.keyaccount.crm.security;

import jakarta.servlet.ServletException;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * The security headers on the pages Tomcat writes itself: a request it refuses before the
 * application sees it (a malformed URL such as {@code /customers/%zz}) is answered by its error
 * report, past every filter and so past Spring Security's headers. Such a request has no
 * application context, or is already marked as an error, when it reaches the engine; the
 * application's own answers are left to Spring Security.
 */
class ContainerErrorHeadersValve extends ValveBase {

    ContainerErrorHeadersValve() {
        super(true);
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (request.getContext() == null || response.isError()) {
            SecurityHeaders.write(response);
        }
        getNext().invoke(request, response);
    }
}
