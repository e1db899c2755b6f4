package com.keyaccount.crm.shared;

import java.sql.DatabaseMetaData;
import javax.sql.DataSource;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * Which database the application runs on, read once. The few places that differ by vendor
 * (demo data by default on H2, date arithmetic in SQL) ask here.
 */
@Component
public class DatabaseVendor {

    private final boolean h2;

    public DatabaseVendor(DataSource dataSource) {
        this.h2 = "H2".equalsIgnoreCase(productName(dataSource));
    }

    public boolean isH2() {
        return h2;
    }

    private static String productName(DataSource dataSource) {
        try {
            return JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        } catch (MetaDataAccessException e) {
            return "";
        }
    }
}
