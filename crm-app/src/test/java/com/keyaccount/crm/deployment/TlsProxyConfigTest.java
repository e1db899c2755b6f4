package com.keyaccount.crm.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * HTTPS for check-in (browsers give positions to HTTPS pages only): ops/nginx/tls.conf, which
 * docker-compose.tls.yml mounts where nginx.conf includes it, ends TLS on 8443 with the mounted
 * certificates and proxies exactly as the plain server does.
 */
class TlsProxyConfigTest {

    private final NginxConfig plain = NginxConfig.read();
    private final NginxConfig tls = new NginxConfig(RepositoryFiles.read("ops/nginx/tls.conf")
            .replaceAll("(?m)#.*$", ""));

    @Test
    void the_plain_configuration_includes_whatever_the_overlay_mounts_and_nothing_without_it() {
        assertThat(plain.text()).contains("include /etc/nginx/crm-tls/*.conf;");
    }

    @Test
    void the_tls_server_ends_tls_12_or_13_on_8443_with_the_mounted_certificates() {
        assertThat(tls.text()).containsPattern("listen\\s+8443\\s+ssl;")
                .containsPattern("ssl_protocols\\s+TLSv1\\.2\\s+TLSv1\\.3;")
                .contains("ssl_certificate     /etc/nginx/certs/fullchain.pem;",
                        "ssl_certificate_key /etc/nginx/certs/privkey.pem;");
        assertThat(tls.upstreamNames()).as("the plain configuration's upstream, not one of its own").isEmpty();
    }

    @Test
    void the_tls_server_proxies_exactly_as_the_plain_one() {
        assertThat(tls.proxyPassTargets()).containsExactlyElementsOf(plain.proxyPassTargets());
        assertThat(tls.proxyHeaders()).containsExactlyInAnyOrderElementsOf(plain.proxyHeaders());
        assertThat(tls.text()).containsPattern("client_max_body_size\\s+1g;");
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_overlay_publishes_8443_and_mounts_the_server_and_the_certificates_read_only() {
        Map<String, Object> compose = new Yaml().load(RepositoryFiles.read("docker-compose.tls.yml"));
        Map<String, Object> proxy = (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get("proxy");
        assertThat((List<String>) proxy.get("ports")).containsExactly("${CRM_HTTPS_PORT:-8443}:8443");
        assertThat((List<String>) proxy.get("volumes")).containsExactly(
                "./ops/nginx/tls.conf:/etc/nginx/crm-tls/tls.conf:ro",
                "${CRM_TLS_CERTS:-./ops/nginx/certs}:/etc/nginx/certs:ro");
    }
}
