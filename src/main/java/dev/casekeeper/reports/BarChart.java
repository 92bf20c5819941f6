package dev.casekeeper.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A grouped bar chart laid out for an inline SVG: one group per period, one bar per series. Each
 * series has a fill pattern of its own (solid, hatched, dotted) and a legend, and every bar carries
 * its value as text, so the chart reads without colour. The template draws it; this only places it.
 */
record BarChart(
        String id,
        String titleKey,
        String unitKey,
        List<Series> series,
        List<Group> groups,
        List<Tick> ticks,
        String groupKey,
        String descKey) {

    static final double WIDTH = 720;
    static final double HEIGHT = 260;
    static final double LEFT = 48;
    static final double BOTTOM = 36;
    static final double TOP = 16;
    private static final String[] PATTERNS = {"solid", "hatched", "dotted"};

    /** A series: its label's message key and its fill's pattern name. */
    record Series(String labelKey, String pattern) {}

    record Bar(String pattern, double x, double y, double width, double height, String value, double labelY) {}

    record Group(String label, double labelX, boolean labelled, List<Bar> bars) {}

    record Tick(double y, String value) {}

    /** What a series shows of a period's figures, and its label. */
    record Measure(String labelKey, Function<Metrics, @Nullable Double> value) {}

    static BarChart of(String id, String titleKey, String unitKey, List<Metrics> rows, List<Measure> measures) {
        var labels = rows.stream()
                .map(r -> r.period() == null ? "" : r.period().toString())
                .toList();
        return of(id, titleKey, unitKey, rows, labels, measures)
                .groupedBy("reports.period.column", "reports.chart.desc");
    }

    /** The same chart, its groups named by {@code groupKey} and its description {@code descKey}. */
    BarChart groupedBy(String groupKey, String descKey) {
        return new BarChart(id, titleKey, unitKey, series, groups, ticks, groupKey, descKey);
    }

    /** A chart of rows that are not periods (a custom field's values), each group under its label. */
    static BarChart of(
            String id,
            String titleKey,
            String unitKey,
            List<Metrics> rows,
            List<String> labels,
            List<Measure> measures) {
        return laidOut(
                id,
                titleKey,
                unitKey,
                rows,
                labels,
                measures.stream().map(Measure::labelKey).toList(),
                measures.stream().map(Measure::value).toList());
    }

    /**
     * A chart of any rows, each group under its label, one series per message key and what it shows of
     * a row (null: no figure, drawn as no bar and written "–").
     */
    static <T> BarChart laidOut(
            String id,
            String titleKey,
            String unitKey,
            List<T> rows,
            List<String> labels,
            List<String> seriesKeys,
            List<Function<T, @Nullable Double>> measures) {
        double max = 0;
        for (var row : rows) {
            for (var m : measures) {
                var v = m.apply(row);
                if (v != null) {
                    max = Math.max(max, v);
                }
            }
        }
        double top = niceCeiling(max);
        double plotWidth = WIDTH - LEFT - 8;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double groupWidth = rows.isEmpty() ? plotWidth : plotWidth / rows.size();
        double barWidth = groupWidth * 0.8 / measures.size();
        int every = Math.max(1, (int) Math.ceil(rows.size() / 12.0));
        var series = new ArrayList<Series>();
        for (int s = 0; s < measures.size(); s++) {
            series.add(new Series(seriesKeys.get(s), PATTERNS[s % PATTERNS.length]));
        }
        var groups = new ArrayList<Group>();
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            double x0 = LEFT + i * groupWidth + groupWidth * 0.1;
            var bars = new ArrayList<Bar>();
            for (int s = 0; s < measures.size(); s++) {
                var v = measures.get(s).apply(row);
                double value = v == null ? 0 : v;
                double h = top == 0 ? 0 : plotHeight * value / top;
                double y = TOP + plotHeight - h;
                bars.add(new Bar(
                        series.get(s).pattern(),
                        x0 + s * barWidth,
                        y,
                        Math.max(barWidth - 1, 1),
                        h,
                        v == null ? "–" : format(value),
                        Math.max(TOP + 8, y - 3)));
            }
            groups.add(new Group(labels.get(i), x0 + groupWidth * 0.4, i % every == 0, bars));
        }
        var ticks = new ArrayList<Tick>();
        for (int t = 0; t <= 4; t++) {
            ticks.add(new Tick(TOP + plotHeight - plotHeight * t / 4, format(top * t / 4)));
        }
        return new BarChart(
                id, titleKey, unitKey, series, groups, ticks, "reports.byField.column", "reports.chart.descByValue");
    }

    /** Whether the bars are wide enough for their values to be written above them. */
    public boolean valuesFit() {
        return !groups.isEmpty() && groups.getFirst().bars().getFirst().width() >= 14;
    }

    public double baseline() {
        return HEIGHT - BOTTOM;
    }

    private static double niceCeiling(double max) {
        if (max <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= max) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    static String format(double value) {
        return value == Math.rint(value)
                ? String.valueOf((long) value)
                : String.format(java.util.Locale.ROOT, "%.1f", value);
    }
}
