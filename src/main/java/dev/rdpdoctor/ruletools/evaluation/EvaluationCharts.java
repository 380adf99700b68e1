package dev.rdpdoctor.ruletools.evaluation;

import dev.rdpdoctor.ruletools.evaluation.Evaluation.CauseScore;
import dev.rdpdoctor.ruletools.evaluation.Evaluation.RuleScore;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.labels.StandardXYItemLabelGenerator;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.MeetOrSlice;
import org.jfree.svg.PreserveAspectRatio;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * The HTML report's charts, drawn by JFreeChart on JFreeSVG's Graphics2D and returned as SVG
 * elements to inline in the page: no script, no network, and text a browser renders and a
 * reader can select. The only class that names either library, so that only
 * {@code rules evaluate --format html} loads them.
 */
final class EvaluationCharts {

  static final int WIDTH = 1000;
  private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
  private static final Color RIGHT = new Color(0x2e7d32);
  private static final Color NEAR = new Color(0x9ccc65);
  private static final Color WRONG = new Color(0xc62828);
  private static final Color OTHER = new Color(0x1565c0);
  private static final Color GRID = new Color(0xdddddd);

  EvaluationCharts() {
    // AWT measures the text; it must never open a display, whatever the environment says
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    // rotated labels as text rather than glyph outlines: selectable, and a tenth of the size
    TextUtils.setUseDrawRotatedStringWorkaround(false);
  }

  /** Per confirmed cause: the share ranked first and in the first three, least often first at the top. */
  String perCause(List<CauseScore> causes) {
    DefaultCategoryDataset data = new DefaultCategoryDataset();
    for (CauseScore c : causes) {
      String label = c.cause() + " (" + c.top1().n() + ")";
      data.addValue(c.top1().value() * 100, "ranked first", label);
      data.addValue(c.top3().value() * 100, "in the first three", label);
    }
    NumberAxis value = new NumberAxis("% of the cause's tickets");
    value.setRange(0, 100);
    value.setTickUnit(new NumberTickUnit(10));
    BarRenderer bars = new BarRenderer();
    bars.setBarPainter(new StandardBarPainter());
    bars.setShadowVisible(false);
    bars.setSeriesPaint(0, RIGHT);
    bars.setSeriesPaint(1, NEAR);
    bars.setItemMargin(0.05);
    CategoryAxis category = new CategoryAxis("confirmed cause (tickets)");
    category.setCategoryMargin(0.25);
    CategoryPlot plot = new CategoryPlot(data, category, value, bars);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
    style(plot);
    plot.setInsets(new RectangleInsets(4, 4, 4, 24));
    int height = 120 + 26 * causes.size();
    return svg(chart("Accuracy per confirmed cause", plot), WIDTH, height, "per-cause");
  }

  /**
   * The confusion matrix as a heat map: a row per confirmed cause, a column per cause ranked
   * first; the diagonal is right. Each cell is coloured by its count and carries it.
   */
  String confusion(Map<String, Map<String, Integer>> confusion, List<String> columns) {
    List<String> rows = List.copyOf(confusion.keySet());
    int max = 1;
    for (Map<String, Integer> row : confusion.values()) {
      for (int n : row.values()) {
        max = Math.max(max, n);
      }
    }
    DefaultXYZDataset wrong = new DefaultXYZDataset();
    DefaultXYZDataset right = new DefaultXYZDataset();
    List<double[]> wrongCells = new ArrayList<>();
    List<double[]> rightCells = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      for (Map.Entry<String, Integer> cell : confusion.get(rows.get(r)).entrySet()) {
        double[] xyz = {columns.indexOf(cell.getKey()), rows.size() - 1 - r, cell.getValue()};
        (cell.getKey().equals(rows.get(r)) ? rightCells : wrongCells).add(xyz);
      }
    }
    wrong.addSeries("ranked first instead", columnsOf(wrongCells));
    right.addSeries("ranked first, right", columnsOf(rightCells));
    SymbolAxis x = new SymbolAxis("cause ranked first", columns.toArray(String[]::new));
    x.setVerticalTickLabels(true);
    x.setGridBandsVisible(false);
    x.setTickLabelFont(TEXT);
    x.setLabelFont(TEXT);
    String[] reversed = new String[rows.size()];
    for (int r = 0; r < rows.size(); r++) {
      reversed[r] = rows.get(rows.size() - 1 - r);
    }
    SymbolAxis y = new SymbolAxis("confirmed cause", reversed);
    y.setGridBandsVisible(false);
    XYPlot plot = new XYPlot(wrong, x, y, blocks(scale(max, new Color(0xffe0dc), WRONG)));
    plot.setDataset(1, right);
    plot.setRenderer(1, blocks(scale(max, new Color(0xdcefd9), RIGHT)));
    style(plot);
    plot.setDomainGridlinesVisible(true);
    plot.setRangeGridlinesVisible(true);
    // where a right ticket would be, also for a cause never ranked right
    for (int r = 0; r < rows.size(); r++) {
      int c = columns.indexOf(rows.get(r));
      plot.addAnnotation(new XYShapeAnnotation(new Rectangle2D.Double(c - 0.5, rows.size() - 1 - r - 0.5, 1, 1),
          new BasicStroke(1f), RIGHT));
    }
    JFreeChart chart = chart("Confirmed cause against the cause ranked first", plot);
    chart.removeLegend(); // the caption says what the colours mean
    int height = 300 + 22 * rows.size();
    return svg(chart, WIDTH, height, "confusion");
  }

  private static double[][] columnsOf(List<double[]> cells) {
    double[][] out = new double[3][cells.size()];
    for (int i = 0; i < cells.size(); i++) {
      for (int d = 0; d < 3; d++) {
        out[d][i] = cells.get(i)[d];
      }
    }
    return out;
  }

  /** From {@code light} for one ticket to {@code dark} for the most, a shade per count. */
  private static LookupPaintScale scale(int max, Color light, Color dark) {
    LookupPaintScale scale = new LookupPaintScale(0.5, max + 0.5, Color.WHITE);
    for (int n = 1; n <= max; n++) {
      scale.add(n - 0.5, blend(light, dark, max == 1 ? 0.6f : (n - 1f) / (max - 1f)));
    }
    return scale;
  }

  /** Cells coloured by their count, each carrying it. */
  private static XYBlockRenderer blocks(LookupPaintScale scale) {
    XYBlockRenderer blocks = new XYBlockRenderer();
    blocks.setPaintScale(scale);
    blocks.setDefaultItemLabelGenerator((dataset, series, item) -> String.valueOf((int) ((DefaultXYZDataset) dataset).getZValue(series, item)));
    blocks.setDefaultItemLabelsVisible(true);
    blocks.setDefaultItemLabelFont(TEXT.deriveFont(Font.BOLD));
    blocks.setDefaultItemLabelPaint(Color.BLACK);
    blocks.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.CENTER, TextAnchor.CENTER));
    return blocks;
  }

  /** Each rule that fired: on how many tickets (x) against how often it was right (y); those that mislead named. */
  String precision(List<RuleScore> rules) {
    // the rules that mislead in two series, so that the names of those high up can run downwards
    XYSeries misleads = new XYSeries("misleads", true, true);
    XYSeries misleadsHigh = new XYSeries("misleads, high", true, true);
    XYSeries others = new XYSeries("others", true, true);
    // the rules that mislead, one point per place, named together
    Map<String, List<String>> named = new LinkedHashMap<>();
    int most = 1;
    for (RuleScore r : rules) {
      double y = r.right().value() * 100;
      if (r.misleads()) {
        named.computeIfAbsent(r.fired() + " " + y, k -> new ArrayList<>()).add(r.rule().id());
        if (named.get(r.fired() + " " + y).size() == 1) {
          (y > 60 ? misleadsHigh : misleads).add(log2(r.fired()), y);
        }
      } else {
        // spread rules on the same point a little, so each stays visible
        double jitter = ((r.rule().id().hashCode() & 0xff) / 255.0 - 0.5) * 0.12;
        others.add(log2(r.fired() * (1 + jitter)), y);
      }
      most = Math.max(most, r.fired());
    }
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(misleads);
    data.addSeries(others);
    data.addSeries(misleadsHigh);
    // a logarithmic scale drawn on a plain axis (LogAxis draws its labels as outlines, not text)
    NumberAxis x = new NumberAxis("tickets the rule fired on (logarithmic)");
    x.setRange(log2(0.8), log2(Math.max(4, most * 1.8)));
    x.setTickUnit(new NumberTickUnit(1, new PowersOfTwo()));
    NumberAxis y = new NumberAxis("% of them it was right on");
    y.setRange(-5, 115);
    y.setTickUnit(new NumberTickUnit(10));
    XYLineAndShapeRenderer dots = new XYLineAndShapeRenderer(false, true);
    dots.setSeriesPaint(0, WRONG);
    dots.setSeriesPaint(1, new Color(OTHER.getRed(), OTHER.getGreen(), OTHER.getBlue(), 110));
    dots.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
    dots.setSeriesShape(1, new Ellipse2D.Double(-4, -4, 8, 8));
    for (int series : new int[] {0, 2}) {
      dots.setSeriesPaint(series, WRONG);
      dots.setSeriesShape(series, new Ellipse2D.Double(-5, -5, 10, 10));
      dots.setSeriesItemLabelGenerator(series, (dataset, s, item) -> {
        List<String> ids = named.get(Math.round(Math.pow(2, dataset.getXValue(s, item))) + " " + dataset.getYValue(s, item));
        return (s == 2 ? "" : " ") + (ids.size() <= 3 ? String.join(", ", ids) : String.join(", ", ids.subList(0, 2)) + " +" + (ids.size() - 2));
      });
      dots.setSeriesItemLabelsVisible(series, true);
      dots.setSeriesItemLabelFont(series, TEXT);
      dots.setSeriesItemLabelPaint(series, WRONG.darker());
    }
    dots.setSeriesVisibleInLegend(2, false);
    dots.setSeriesPositiveItemLabelPosition(0,
        new ItemLabelPosition(ItemLabelAnchor.CENTER, TextAnchor.BOTTOM_LEFT, TextAnchor.BOTTOM_LEFT, -Math.PI / 5));
    dots.setSeriesPositiveItemLabelPosition(2,
        new ItemLabelPosition(ItemLabelAnchor.CENTER, TextAnchor.TOP_RIGHT, TextAnchor.TOP_RIGHT, -Math.PI / 5));
    XYPlot plot = new XYPlot(data, x, y, dots);
    style(plot);
    return svg(chart("Rule precision against firing count (red: misleads, named)", plot), WIDTH, 560, "precision");
  }

  private static double log2(double n) {
    return Math.log(n) / Math.log(2);
  }

  /** The labels of a log2 axis: 2 to the tick's value, 1, 2, 4, 8. */
  private static final class PowersOfTwo extends NumberFormat {
    private static final long serialVersionUID = 1L;

    @Override
    public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
      return to.append(Math.round(Math.pow(2, number)));
    }

    @Override
    public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
      return format((double) number, to, pos);
    }

    @Override
    public Number parse(String source, ParsePosition pos) {
      throw new UnsupportedOperationException("labels only");
    }
  }

  private static JFreeChart chart(String title, org.jfree.chart.plot.Plot plot) {
    JFreeChart chart = new JFreeChart(title, TITLE, plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    chart.setTextAntiAlias(true);
    LegendTitle legend = chart.getLegend();
    if (legend != null) {
      legend.setItemFont(TEXT);
      legend.setPosition(RectangleEdge.TOP);
    }
    return chart;
  }

  private static void style(CategoryPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(GRID);
    plot.setOutlineVisible(false);
    plot.getDomainAxis().setTickLabelFont(TEXT);
    plot.getRangeAxis().setTickLabelFont(TEXT);
    plot.getDomainAxis().setLabelFont(TEXT);
    plot.getRangeAxis().setLabelFont(TEXT);
  }

  private static void style(XYPlot plot) {
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(GRID);
    plot.setRangeGridlinePaint(GRID);
    plot.setOutlineVisible(false);
    plot.getDomainAxis().setTickLabelFont(TEXT);
    plot.getRangeAxis().setTickLabelFont(TEXT);
    plot.getDomainAxis().setLabelFont(TEXT);
    plot.getRangeAxis().setLabelFont(TEXT);
  }

  private static Color blend(Color a, Color b, float t) {
    return new Color(Math.round(a.getRed() + (b.getRed() - a.getRed()) * t), Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
        Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
  }

  /** The chart as one {@code <svg>} element, its ids prefixed so that several charts share a page. */
  private static String svg(JFreeChart chart, int width, int height, String id) {
    SVGGraphics2D g2 = new SVGGraphics2D(width, height);
    g2.setDefsKeyPrefix(id + "-");
    chart.draw(g2, new Rectangle(0, 0, width, height));
    return g2.getSVGElement(id, true, new ViewBox(0, 0, width, height), PreserveAspectRatio.XMID_YMIN, MeetOrSlice.MEET);
  }
}
