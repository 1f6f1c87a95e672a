package fr.jalon.reporting;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Line2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;
import net.sf.jasperreports.charts.JRAbstractChartCustomizer;
import net.sf.jasperreports.charts.JRChart;
import net.sf.jasperreports.engine.JRParameter;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.CategoryDataset;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;

/**
 * The look of the budget execution report's charts (design {@code reports/budget-execution.jrxml}):
 * flat bars in the application's colours (jalon.css: blue {@code #1f3a5f}, bar fill {@code #2f6fb0},
 * lines {@code #d8e1ea}, over budget {@code #b42318}), amounts in euros and rates in per cent the
 * French way (or English, after the report's locale). The chart's key in the design says which chart
 * it is: {@code byYear} (planned, committed, paid in euros per grant year) or {@code byCategory}
 * (paid and committed as a share of planned, per category, with the 100 % line of the budget).
 * Fonts are kept from the design (the embedded DejaVu Sans of the fonts extension); only sizes change.
 */
public class ExecutionChartStyle extends JRAbstractChartCustomizer {
  static final Color BLUE = new Color(0x1f3a5f);
  static final Color BAR = new Color(0x2f6fb0);
  static final Color LIGHT = new Color(0x9dbbdc);
  static final Color LINE = new Color(0xd8e1ea);
  static final Color OVER = new Color(0xb42318);
  static final Color TEXT = new Color(0x555555);

  /** The parameter carrying the label of the 100 % line in the category chart. */
  public static final String BUDGET_LINE = "chartBudgetLine";

  @Override
  public void customize(JFreeChart chart, JRChart jasperChart) {
    Locale locale = getParameterValue(JRParameter.REPORT_LOCALE) instanceof Locale l ? l : Locale.FRENCH;
    CategoryPlot plot = chart.getCategoryPlot();
    chart.setBackgroundPaint(Color.WHITE);
    chart.setBorderVisible(false);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setRangeGridlinePaint(LINE);
    plot.setRangeGridlineStroke(new BasicStroke(0.5f));
    plot.setDomainGridlinesVisible(false);
    plot.setInsets(new RectangleInsets(4, 2, 2, 8));

    BarRenderer renderer = (BarRenderer) plot.getRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setDrawBarOutline(false);
    renderer.setItemMargin(0.04);

    NumberAxis range = (NumberAxis) plot.getRangeAxis();
    CategoryAxis domain = plot.getDomainAxis();
    Font tick = range.getTickLabelFont();
    Font small = tick.deriveFont(6.5f);
    range.setTickLabelFont(small);
    range.setTickLabelPaint(TEXT);
    range.setAxisLinePaint(LINE);
    range.setTickMarkPaint(LINE);
    domain.setTickLabelFont(small);
    domain.setTickLabelPaint(TEXT);
    domain.setAxisLinePaint(LINE);
    domain.setTickMarksVisible(false);
    domain.setCategoryMargin(0.18);
    if (chart.getLegend() != null) {
      chart.getLegend().setItemFont(small);
      chart.getLegend().setItemPaint(TEXT);
      chart.getLegend().setFrame(new org.jfree.chart.block.BlockBorder(Color.WHITE));
    }

    DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(locale);
    if ("byCategory".equals(jasperChart.getKey())) {
      renderer.setSeriesPaint(0, BAR);
      renderer.setSeriesPaint(1, LIGHT);
      NumberFormat percent = new DecimalFormat("#,##0.0 '%'", symbols);
      range.setNumberFormatOverride(new DecimalFormat("#,##0 '%'", symbols));
      renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", percent));
      renderer.setDefaultItemLabelsVisible(true);
      renderer.setDefaultItemLabelFont(tick.deriveFont(6f));
      renderer.setDefaultItemLabelPaint(TEXT);
      renderer.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3, TextAnchor.CENTER_LEFT));
      renderer.setItemLabelAnchorOffset(2);
      plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_LEFT);
      domain.setMaximumCategoryLabelWidthRatio(0.32f);
      domain.setMaximumCategoryLabelLines(2);
      // The budget (100 %) as a dashed line, named in the legend rather than on the plot where bars may cover its label.
      BasicStroke dashed = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 2f}, 0f);
      plot.addRangeMarker(new ValueMarker(100, OVER, dashed));
      if (getParameterValue(BUDGET_LINE) instanceof String label) {
        LegendItemCollection items = new LegendItemCollection();
        items.addAll(plot.getLegendItems());
        items.add(new LegendItem(label, null, null, null, new Line2D.Double(-7, 0, 7, 0), dashed, OVER));
        plot.setFixedLegendItems(items);
      }
      // Room on the right for the labels of the longest bar, and the 100 % line always in sight.
      double max = 0;
      CategoryDataset data = plot.getDataset();
      for (int r = 0; data != null && r < data.getRowCount(); r++) {
        for (int col = 0; col < data.getColumnCount(); col++) {
          Number v = data.getValue(r, col);
          max = v == null ? max : Math.max(max, v.doubleValue());
        }
      }
      range.setRange(0, Math.max(115, max * 1.25));
    } else {
      renderer.setSeriesPaint(0, BLUE);
      renderer.setSeriesPaint(1, LIGHT);
      renderer.setSeriesPaint(2, BAR);
      range.setNumberFormatOverride(new DecimalFormat("#,##0 €", symbols));
    }
  }
}
