package db.migration.common;

import com.keyaccount.crm.customer.ChinaDivisions;
import com.keyaccount.crm.customer.Place;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Gives the customers kept before V62 the province and city their address names, read by the
 * same rule as a new address on the form or in an import ({@link ChinaDivisions#placeOf}).
 * In Java because the rule is the application's; the update is batched, the addresses read once.
 */
public class V63__customer_place_from_address extends BaseJavaMigration {

    private static final int BATCH = 1_000;

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        ChinaDivisions divisions = ChinaDivisions.get();
        try (Statement read = connection.createStatement();
                ResultSet rs = read.executeQuery("SELECT id, address FROM customer WHERE address IS NOT NULL");
                PreparedStatement write = connection.prepareStatement(
                        "UPDATE customer SET province_code = ?, city_code = ? WHERE id = ?")) {
            int pending = 0;
            while (rs.next()) {
                Place place = divisions.placeOf(rs.getString("address"));
                if (place.isKnown()) {
                    write.setString(1, place.provinceCode());
                    write.setString(2, place.cityCode());
                    write.setLong(3, rs.getLong("id"));
                    write.addBatch();
                    if (++pending == BATCH) {
                        write.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                write.executeBatch();
            }
        }
    }
}
