// SPDX-License-Identifier: Apache-2.0
// brickrun_render_icons: renders the application's SVG icon to the PNG sizes of the hicolor
// icon theme, with Qt's own SVG image plugin (libqt6svg6), so packaging needs no other tool.
//
//   brickrun_render_icons SVG OUTPUT_DIR ICON_NAME SIZE...
//
// writes OUTPUT_DIR/<SIZE>x<SIZE>/apps/ICON_NAME.png for every SIZE.

#include <QCoreApplication>
#include <QDir>
#include <QImage>
#include <QImageReader>
#include <QStringList>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 5) {
        std::fputs("usage: brickrun_render_icons SVG OUTPUT_DIR ICON_NAME SIZE...\n", stderr);
        return 2;
    }
    const QString &svg = args.at(1);
    const QDir outputDir(args.at(2));
    const QString &iconName = args.at(3);
    for (qsizetype i = 4; i < args.size(); ++i) {
        bool ok = false;
        const int size = args.at(i).toInt(&ok);
        if (!ok || size <= 0) {
            std::fprintf(stderr, "brickrun_render_icons: '%s' is not a size\n",
                         qPrintable(args.at(i)));
            return 2;
        }
        QImageReader reader(svg, "svg");
        reader.setScaledSize(QSize(size, size));
        QImage image = reader.read();
        if (image.isNull()) {
            std::fprintf(stderr,
                         "brickrun_render_icons: cannot render %s (%s); is Qt's SVG image "
                         "plugin installed (libqt6svg6)?\n",
                         qPrintable(svg), qPrintable(reader.errorString()));
            return 1;
        }
        image = image.convertToFormat(QImage::Format_ARGB32);
        const QString dir = QStringLiteral("%1x%1/apps").arg(size);
        const QString file =
            outputDir.filePath(dir + QLatin1Char('/') + iconName + QStringLiteral(".png"));
        if (!outputDir.mkpath(dir) || !image.save(file, "PNG")) {
            std::fprintf(stderr, "brickrun_render_icons: cannot write %s\n", qPrintable(file));
            return 1;
        }
    }
    return 0;
}
