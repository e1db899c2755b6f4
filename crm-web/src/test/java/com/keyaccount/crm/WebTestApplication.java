package com.keyaccount.crm;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** crm-web has no application class of its own; the web slices boot from this one. */
@SpringBootApplication
public class WebTestApplication {
}
