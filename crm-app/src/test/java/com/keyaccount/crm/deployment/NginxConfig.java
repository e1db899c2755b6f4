package com.keyaccount.crm.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the tests need of ops/nginx/nginx.conf, read as text (no nginx on our machines), comments left out. */
record NginxConfig(String text) {

    static NginxConfig read() {
        return new NginxConfig(RepositoryFiles.read("ops/nginx/nginx.conf").replaceAll("(?m)#.*$", ""));
    }

    /** host:port of every server of every upstream block. */
    List<String> upstreamServers() {
        List<String> servers = new ArrayList<>();
        Matcher upstream = Pattern.compile("upstream\\s+\\S+\\s*\\{([^}]*)}").matcher(text);
        while (upstream.find()) {
            servers.addAll(all("(?m)^\\s*server\\s+([^\\s;]+)", upstream.group(1)));
        }
        return servers;
    }

    List<String> upstreamNames() {
        return all("upstream\\s+(\\S+)\\s*\\{", text);
    }

    /** The port of each listen directive ("8080" of "listen 8080;" and of "listen 127.0.0.1:8080;"). */
    List<String> listenPorts() {
        return all("listen\\s+(?:[^\\s;]*:)?(\\d+)", text);
    }

    List<String> proxyPassTargets() {
        return all("proxy_pass\\s+([^\\s;]+)", text);
    }

    /** "name value" of every proxy_set_header, e.g. "X-Forwarded-Proto $scheme". */
    List<String> proxyHeaders() {
        return all("proxy_set_header\\s+([^;]+);", text);
    }

    private static List<String> all(String regex, String in) {
        List<String> found = new ArrayList<>();
        Matcher matcher = Pattern.compile(regex).matcher(in);
        while (matcher.find()) {
            found.add(matcher.group(1).trim());
        }
        return found;
    }
}
