package com.keyaccount.crm.shared;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * This running server among those sharing the database: host, process and a random part, new on
 * every start (in a container the process id is the same every time). Written on what the
 * server holds (the recompute lock, its recompute run), so that when one of them is found
 * abandoned, exactly what the dead server held is released and nothing of a live one.
 */
public record ServerInstance(String id) {

    public static ServerInstance ofThisProcess() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown-host";
        }
        if (host.length() > 200) {
            host = host.substring(0, 200);
        }
        return new ServerInstance(host + "/" + ProcessHandle.current().pid() + "/"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()));
    }
}
