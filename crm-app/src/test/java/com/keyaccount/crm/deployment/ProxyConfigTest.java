package com.keyaccount.crm.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The reverse proxy's ops/nginx/nginx.conf: every request goes to the application instances'
 * upstream (never to their management port) with the client's address and scheme, which the
 * application trusts from the proxy (CRM_FORWARD_HEADERS=native; BehindTlsProxyTest shows the
 * effect). The upstream names the compose services: ComposeFileTest.
 */
class ProxyConfigTest {

    private final NginxConfig nginx = NginxConfig.read();

    @Test
    void every_request_goes_to_the_upstream_of_the_application_instances_but_presigned_file_links() {
        assertThat(nginx.upstreamNames()).hasSize(1);
        assertThat(nginx.proxyPassTargets()).isNotEmpty().containsOnly("http://" + nginx.upstreamNames().get(0),
                "$object_store");
        assertThat(nginx.upstreamServers()).hasSize(2).allMatch(server -> server.endsWith(":8080"));
    }

    @Test
    void only_the_buckets_path_goes_to_the_object_store_with_the_host_its_links_were_signed_for() {
        String files = nginx.text().substring(nginx.text().indexOf("location /crm-files/ {"));
        files = files.substring(0, files.indexOf('}'));
        assertThat(files).contains("set $object_store http://minio:9000;", "proxy_set_header Host $http_host;",
                "add_header X-Content-Type-Options nosniff always;");
        assertThat(nginx.text().split("location /crm-files/", -1)).as("one such location").hasSize(2);
    }

    @Test
    void the_client_address_scheme_and_host_reach_the_application() {
        assertThat(nginx.proxyHeaders()).contains("Host $http_host", "X-Forwarded-Proto $scheme",
                "X-Forwarded-Host $http_host",
                // set, not appended: a client cannot choose the address the sign-in throttle counts
                "X-Forwarded-For $remote_addr");
    }

    @Test
    void the_application_takes_the_forwarded_headers_when_compose_says_so() {
        // docker-compose.yml sets CRM_FORWARD_HEADERS=native on both instances (ComposeFileTest)
        assertThat(applicationSetting("server", "forward-headers-strategy")).isEqualTo("${CRM_FORWARD_HEADERS:none}");
    }

    @Test
    void an_upload_as_large_as_the_application_takes_by_default_passes_the_proxy() {
        assertThat(applicationSetting("crm", "limits", "upload-size")).isEqualTo("${CRM_MAX_UPLOAD:1GB}");
        assertThat(nginx.text()).containsPattern("client_max_body_size\\s+1g;");
    }

    @SuppressWarnings("unchecked")
    private Object applicationSetting(String... path) {
        Object value = new Yaml().load(getClass().getResourceAsStream("/application.yml"));
        for (String key : path) {
            value = ((Map<String, Object>) value).get(key);
        }
        return value;
    }
}
