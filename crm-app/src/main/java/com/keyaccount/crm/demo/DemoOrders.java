package com.keyaccount.crm.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * One customer's orders, shaped like a book that is looked after:
 * <ul>
 * <li>yearly revenue is lognormal over the buyers' ranks (σ 1.6), so the top fifth of them make
 *     about 80% of the revenue and the top half about 95%: the default Pareto 80/95 rule makes
 *     about a fifth of the customers A and a quarter B;
 * <li>a customer orders on a steady rhythm of n orders per 90 days (bigger ones more often), a day
 *     or two either way but never across the churn rule's 90-day boundaries, amounts ±15% and days
 *     to pay ±6: a steady customer's last 90 days are never 30% down on the 90 before, nor 15
 *     days slower to pay;
 * <li>a few active customers order less in the last 90 days, stopped 45–90 days ago or pay 20–40
 *     days later; dormant ones stopped 100–160 days ago, lost ones 200–260: they are the churn
 *     warnings;
 * <li>each order is in one of five product lines (mostly the customer's main one) with its gross
 *     margin; about 4% are followed by a credit note or return naming the order, for part or all
 *     of it, never more.
 * </ul>
 */
final class DemoOrders {

    /** Share of orders, in percent, that a credit note or return follows. */
    static final int CREDITED_PERCENT = 4;
    /** The churn rule's period: net revenue of the last 90 days against the 90 before. */
    private static final int PERIOD = 90;
    private static final double SIGMA = 1.6;
    private static final double MEDIAN_YUAN = 150_000;
    /** No order is older than this many days. */
    private static final int OLDEST = 540;

    private final SplittableRandom random;
    private final LocalDate today;
    private final LocalDate windowFrom;
    private final ZoneId zone;
    private final List<DemoProductLines.Line> lines;
    private final double ordersPerPeriod;

    /**
     * @param windowFrom           first day of the tier window, for the net revenue returned
     * @param averageOrdersPerYear of a customer who buys all year
     */
    DemoOrders(SplittableRandom random, LocalDate today, LocalDate windowFrom, ZoneId zone,
            List<DemoProductLines.Line> lines, int averageOrdersPerYear) {
        this.random = random;
        this.today = today;
        this.windowFrom = windowFrom;
        this.zone = zone;
        this.lines = lines;
        this.ordersPerPeriod = averageOrdersPerYear * (double) PERIOD / 365;
    }

    /** How an active customer's buying goes: most steadily, one in twenty is a churn warning. */
    private enum Trend {
        STEADY, SHRINKING, STOPPED, PAYING_LATER;

        static Trend draw(SplittableRandom random) {
            int r = random.nextInt(1000);
            return r < 20 ? SHRINKING : r < 40 ? STOPPED : r < 55 ? PAYING_LATER : STEADY;
        }
    }

    /** The yearly revenue of the customer at this quantile (0 to 1) of the buyers. */
    static double yearlyYuan(double quantile) {
        // 4.91 (q^0.14 − (1 − q)^0.14) approximates the standard normal quantile within about 1%
        double z = 4.91 * (Math.pow(quantile, 0.14) - Math.pow(1 - quantile, 0.14));
        return MEDIAN_YUAN * Math.exp(SIGMA * z);
    }

    /** Writes the customer's orders and credit notes; returns its net revenue in the tier window, in cents. */
    long write(long customerId, DemoLifecycle lifecycle, double quantile, Consumer<Object[]> sink) {
        if (!lifecycle.buys()) {
            return 0;
        }
        Trend trend = lifecycle == DemoLifecycle.ACTIVE ? Trend.draw(random) : Trend.STEADY;
        // bigger customers order more often; rounded up or down at random, so that on average a
        // buyer orders averageOrdersPerYear times a year, as the benchmark's book size assumes
        double orders = ordersPerPeriod * (0.3 + 1.4 * quantile) * (0.8 + 0.4 * random.nextDouble());
        int perPeriod = Math.max(1, (int) Math.floor(orders + random.nextDouble()));
        double every = (double) PERIOD / perPeriod;
        double perOrderYuan = yearlyYuan(quantile) * every / 365;
        int newest = switch (lifecycle) {
            case DORMANT -> 100 + random.nextInt(60);
            case LOST -> 200 + random.nextInt(60);
            default -> trend == Trend.STOPPED ? 45 + random.nextInt(45) : 0;
        };
        int oldest = Math.min(newest + 365, OLDEST);
        double shrink = 0.25 + 0.35 * random.nextDouble();
        int paysLaterBy = 20 + random.nextInt(21);
        int usualDaysToPay = 15 + random.nextInt(60);
        DemoProductLines.Line mainLine = lines.get(random.nextInt(lines.size()));
        long net = 0;
        int n = 0;
        // orders every (90 / perPeriod) days: any 90 days hold perPeriod of them, whatever the phase;
        // numbered from the oldest
        double phase = random.nextDouble() * every;
        for (double at = phase + every * Math.floor((oldest - phase) / every); at >= 0; at -= every) {
            int daysAgo = (int) Math.round(at);
            int jittered = daysAgo + random.nextInt(5) - 2;
            if (daysAgo < newest) {
                continue;
            }
            if (jittered >= newest && jittered < oldest && jittered / PERIOD == daysAgo / PERIOD) {
                daysAgo = jittered;
            }
            LocalDate day = today.minusDays(daysAgo);
            boolean recent = daysAgo < PERIOD;
            double factor = (0.85 + 0.3 * random.nextDouble()) * (trend == Trend.SHRINKING && recent ? shrink : 1);
            BigDecimal amount = BigDecimal.valueOf(Math.max(100, Math.round(perOrderYuan * factor * 100)), 2);
            int daysToPay = Math.max(0, usualDaysToPay + random.nextInt(13) - 6
                    + (trend == Trend.PAYING_LATER && recent ? paysLaterBy : 0));
            LocalDate paid = day.plusDays(daysToPay);
            DemoProductLines.Line line = random.nextInt(10) < 7 ? mainLine : lines.get(random.nextInt(lines.size()));
            double marginRate = line.lowMargin() + random.nextDouble() * (line.highMargin() - line.lowMargin());
            BigDecimal margin = amount.multiply(BigDecimal.valueOf(marginRate)).setScale(2, RoundingMode.DOWN);
            String orderNo = "SO" + customerId + "-" + ++n;
            sink.accept(new Object[] {customerId, orderNo, day, amount, day.plusDays(30),
                paid.isAfter(today) ? null : paid, DemoDataGenerator.nineAm(day, zone), line.id(), margin, null});
            net += inWindow(day) ? amount.unscaledValue().longValue() : 0;
            if (random.nextInt(100) < CREDITED_PERCENT) {
                net -= creditNote(customerId, "CN" + customerId + "-" + n, orderNo, day, amount, margin, line, sink);
            }
        }
        return net;
    }

    /**
     * A return of part of the order (a fifth of them all of it), a few weeks after it at most:
     * a negative amount and margin, each no larger than the order's, naming the order. Returns
     * what it takes off the net revenue of the tier window, in cents.
     */
    private long creditNote(long customerId, String number, String orderNo, LocalDate orderDate, BigDecimal amount,
            BigDecimal margin, DemoProductLines.Line line, Consumer<Object[]> sink) {
        LocalDate day = orderDate.plusDays(3 + random.nextInt(40));
        if (day.isAfter(today)) {
            day = today;
        }
        BigDecimal share = random.nextInt(5) == 0 ? BigDecimal.ONE
                : BigDecimal.valueOf(0.1 + 0.6 * random.nextDouble()).setScale(4, RoundingMode.DOWN);
        BigDecimal credited = amount.multiply(share).setScale(2, RoundingMode.DOWN).max(new BigDecimal("0.01"));
        sink.accept(new Object[] {customerId, number, day, credited.negate(), null, null,
            DemoDataGenerator.nineAm(day, zone), line.id(), margin.multiply(share).setScale(2, RoundingMode.DOWN).negate(),
            orderNo});
        return inWindow(day) ? credited.unscaledValue().longValue() : 0;
    }

    private boolean inWindow(LocalDate day) {
        return !day.isBefore(windowFrom) && !day.isAfter(today);
    }
}
