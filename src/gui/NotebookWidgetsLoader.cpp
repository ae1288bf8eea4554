// SPDX-License-Identifier: Apache-2.0
#include "NotebookWidgetsLoader.h"

#include "ParametersTable.h"
#include "WorkspaceErrorText.h"
#include "api/WorkspaceApi.h"
#include "model/NotebookWidgets.h"

#include <QLabel>

namespace Brickrun {

NotebookWidgetsLoader::NotebookWidgetsLoader(ParametersTable *table, QLabel *note, QObject *parent)
    : QObject(parent)
    , m_table(table)
    , m_note(note)
{
    // Quiet: the colour of placeholder text, light and dark alike.
    QPalette p = m_note->palette();
    p.setColor(QPalette::WindowText, p.color(QPalette::PlaceholderText));
    m_note->setPalette(p);
    m_note->setWordWrap(true);
    showNote(QString());
}

void NotebookWidgetsLoader::setWorkspaceApi(WorkspaceApi *api)
{
    if (api == m_api)
        return;
    m_api = api;
    forget();
}

void NotebookWidgetsLoader::load(const QString &path, const QString &language)
{
    const quint64 generation = ++m_generation;
    m_path = path;
    if (!m_api)
        return;
    showNote(tr("Reading the notebook's widgets…"));
    m_api->exportSource(
        path, this, [this, generation, path, language](const Result<ExportedSource> &r) {
            if (generation != m_generation)
                return; // another notebook was chosen meanwhile
            if (!r) {
                m_table->forgetWidgets();
                showNote(
                    tr("The notebook's widgets could not be read: %1").arg(failureText(r.error())));
                m_note->setToolTip(r.error().toString());
                Q_EMIT parametersChanged();
                Q_EMIT finished(path);
                return;
            }
            NotebookWidgets::Language lang = NotebookWidgets::languageOf(r.value().fileType);
            if (lang == NotebookWidgets::Language::Unknown)
                lang = NotebookWidgets::languageOf(language);
            apply(path, NotebookWidgets::parse(r.value().text(), lang));
        });
}

void NotebookWidgetsLoader::apply(const QString &path, const NotebookWidgets &found)
{
    m_table->fillFromWidgets(found.widgets);
    QStringList parts;
    if (found.widgets.isEmpty())
        parts << tr("The notebook defines no widgets Brickrun can read.");
    else
        parts << tr("%n parameter(s) from the notebook's widgets.", nullptr,
                    int(found.widgets.size()));
    if (found.skipped > 0)
        parts << tr("%n widget(s) made in a loop or computed when the notebook runs were left "
                    "out.",
                    nullptr, found.skipped);
    if (found.truncated)
        parts << tr("The notebook is long: only its beginning was read.");
    showNote(parts.join(QLatin1Char(' ')));
    Q_EMIT parametersChanged();
    Q_EMIT finished(path);
}

void NotebookWidgetsLoader::forget()
{
    ++m_generation;
    m_path.clear();
    m_table->forgetWidgets();
    showNote(QString());
    Q_EMIT parametersChanged();
}

QString NotebookWidgetsLoader::note() const
{
    return m_note->text();
}

void NotebookWidgetsLoader::showNote(const QString &text)
{
    m_note->setText(text);
    m_note->setToolTip(QString());
    m_note->setVisible(!text.isEmpty());
}

QString NotebookWidgetsLoader::failureText(const ApiError &error)
{
    if (error.isPermission())
        return tr("you may not read its source (403 %1).")
            .arg(error.errorCode.isEmpty() ? QStringLiteral("PERMISSION_DENIED") : error.errorCode);
    if (error.kind == ApiError::Kind::Http && error.httpStatus == 404)
        return tr("the workspace has no such notebook.");
    if (error.kind == ApiError::Kind::BadResponse && error.message.contains(QLatin1String("too "
                                                                                          "large")))
        return tr("its source is larger than %1 MB.")
            .arg(WorkspaceApi::MaxExportAnswerBytes / (1024 * 1024));
    return WorkspaceErrorText::describe(error);
}

} // namespace Brickrun
