// SPDX-License-Identifier: Apache-2.0
// A fault plan's text and JSON forms and their serialisation. One fault's vocabulary (its kinds,
// parameters and messages, FaultText) is in Fault.cpp, shared by both forms.

#include "FaultPlan.h"

#include "FaultText.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>
#include <limits>
#include <utility>

namespace Brickrun::Emulator {

namespace {

using namespace FaultText;

// "503x2@retry=3": kind, optional xN, parameters.
bool parseFaultText(const QString &text, QList<Fault> *faults, QString *error)
{
    const QStringList parts = text.split(QLatin1Char('@'));
    static const QRegularExpression repeated(QStringLiteral("^(.+?)x([0-9]+)$"));
    QString kind = parts.constFirst().trimmed();
    qint64 count = 1;
    const QRegularExpressionMatch match = repeated.match(kind);
    if (match.hasMatch()) {
        kind = match.captured(1);
        if (!parseInt(match.captured(2), 1, kMaxCount, &count))
            return failWith(
                error,
                QStringLiteral("'%1': the count must be 1-%2").arg(text.trimmed()).arg(kMaxCount));
    }
    Params params;
    for (qsizetype i = 1; i < parts.size(); ++i) {
        const qsizetype eq = parts.at(i).indexOf(QLatin1Char('='));
        if (eq <= 0)
            return failWith(error, QStringLiteral("'%1': parameters are name=value, got '%2'")
                                       .arg(text.trimmed(), parts.at(i)));
        params.append({parts.at(i).left(eq).trimmed(), parts.at(i).mid(eq + 1).trimmed()});
    }
    Fault fault;
    if (!makeFault(kind, params, &fault, error))
        return false;
    for (qint64 i = 0; i < count; ++i)
        faults->append(fault);
    return true;
}

bool parseRateText(const QString &route, const QStringList &items, RouteFaults *rule,
                   QString *error)
{
    for (const QString &rawItem : items) {
        const QString item = rawItem.trimmed();
        const qsizetype eq = item.indexOf(QLatin1Char('='));
        const QString key = item.left(eq).trimmed();
        const QString value = eq > 0 ? item.mid(eq + 1).trimmed() : QString();
        qint64 number = 0;
        if (key == QLatin1String("rate")) {
            bool ok = false;
            rule->rate = value.toDouble(&ok);
            if (!ok || !(rule->rate >= 0.0 && rule->rate <= 1.0))
                return failWith(error, QStringLiteral("%1: rate '%2' is not a probability "
                                                      "from 0 to 1")
                                           .arg(route, value));
        } else if (key == QLatin1String("seed")) {
            bool ok = false;
            rule->seed = value.toULongLong(&ok);
            if (!ok)
                return failWith(error, QStringLiteral("%1: seed '%2' is not a non-negative "
                                                      "integer")
                                           .arg(route, value));
        } else if (key == QLatin1String("max")) {
            if (!parseInt(value, 0, kMaxCount * 10, &number))
                return failWith(error,
                                QStringLiteral("%1: max '%2' is not a count").arg(route, value));
            rule->maxRateFaults = static_cast<int>(number);
        } else if (key == QLatin1String("kinds")) {
            for (const QString &kind : value.split(QLatin1Char('|'))) {
                QList<Fault> faults;
                if (!parseFaultText(kind, &faults, error))
                    return failWith(error, route + QStringLiteral(": ") + *error);
                rule->rateFaults.append(faults.constFirst());
            }
        } else {
            return failWith(
                error,
                QStringLiteral("%1: '%2' is not rate=, seed=, max= or kinds=").arg(route, item));
        }
    }
    if (rule->rateFaults.isEmpty())
        rule->rateFaults.append(Fault{});
    return true;
}

bool checkRoute(const QString &route, QString *error)
{
    if (route == QLatin1String("*") || FaultPlan::knownRoutes().contains(route))
        return true;
    return failWith(error, QStringLiteral("unknown route '%1'; expected * or one of %2")
                               .arg(route, FaultPlan::knownRoutes().join(QStringLiteral(", "))));
}

bool parseDeleteRun(const QString &value, FaultPlan *plan, QString *error)
{
    qint64 id = 0;
    if (value == QLatin1String("next"))
        ++plan->deleteNextRuns;
    else if (parseInt(value, 1, std::numeric_limits<qint64>::max(), &id))
        plan->deleteRuns.append(id);
    else
        return failWith(error,
                        QStringLiteral("delete-run: '%1' is not a run id or 'next'").arg(value));
    return true;
}

bool faultsFromJson(const QJsonValue &value, const QString &where, QList<Fault> *faults,
                    QString *error)
{
    if (!value.isArray())
        return failWith(error, QStringLiteral("%1: expected an array of faults").arg(where));
    const QJsonArray array = value.toArray();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString at = QStringLiteral("%1[%2]").arg(where).arg(i);
        const QJsonValue entry = array.at(i);
        if (entry.isString()) {
            if (!parseFaultText(entry.toString(), faults, error))
                return failWith(error, at + QStringLiteral(": ") + *error);
            continue;
        }
        if (!entry.isObject() || !entry.toObject().value(QStringLiteral("kind")).isString())
            return failWith(error, QStringLiteral("%1: expected a fault: a string like \"503x2\" "
                                                  "or an object with \"kind\"")
                                       .arg(at));
        const QJsonObject object = entry.toObject();
        Params params;
        qint64 count = 1;
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key() == QLatin1String("kind"))
                continue;
            if (it.value().isArray() || it.value().isObject() || it.value().isNull())
                return failWith(error, QStringLiteral("%1.%2: expected a string, number or "
                                                      "boolean")
                                           .arg(at, it.key()));
            if (it.key() == QLatin1String("count")) {
                if (!parseInt(jsonScalarText(it.value()), 1, kMaxCount, &count))
                    return failWith(
                        error, QStringLiteral("%1.count: expected 1-%2").arg(at).arg(kMaxCount));
                continue;
            }
            params.append({it.key(), jsonScalarText(it.value())});
        }
        Fault fault;
        if (!makeFault(object.value(QStringLiteral("kind")).toString(), params, &fault, error))
            return failWith(error, at + QStringLiteral(": ") + *error);
        for (qint64 n = 0; n < count; ++n)
            faults->append(fault);
    }
    return true;
}

} // namespace

QStringList FaultPlan::knownRoutes()
{
    return {QStringLiteral("runs/submit"),     QStringLiteral("runs/get"),
            QStringLiteral("runs/get-output"), QStringLiteral("runs/cancel"),
            QStringLiteral("runs/list"),       QStringLiteral("clusters/list"),
            QStringLiteral("workspace/list"),  QStringLiteral("preview/scim/v2/Me")};
}

QString FaultPlan::routeOf(const QString &path)
{
    static const QRegularExpression api(QStringLiteral("^/api/[0-9.]+/(?:jobs/)?(.*)$"));
    const QRegularExpressionMatch match = api.match(path);
    return match.hasMatch() ? match.captured(1) : QString();
}

bool FaultPlan::isEmpty() const
{
    for (const RouteFaults &rule : routes) {
        if (!rule.isEmpty())
            return false;
    }
    return revokeTokenAfter < 0 && deleteRuns.isEmpty() && deleteNextRuns == 0;
}

std::optional<FaultPlan> FaultPlan::parse(const QString &spec, QString *error)
{
    if (spec.trimmed().startsWith(QLatin1Char('{'))) {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(spec.toUtf8(), &parseError);
        if (!document.isObject()) {
            failWith(error, QStringLiteral("fault plan JSON: %1 at offset %2")
                                .arg(parseError.errorString())
                                .arg(parseError.offset));
            return std::nullopt;
        }
        return fromJson(document.object(), error);
    }

    FaultPlan plan;
    for (const QString &rawClause : spec.split(QLatin1Char(';'))) {
        const QString clause = rawClause.trimmed();
        if (clause.isEmpty())
            continue;
        qint64 number = 0;
        if (clause.startsWith(QLatin1String("revoke-token-after="))) {
            if (!parseInt(clause.mid(19), 0, std::numeric_limits<int>::max(), &number)) {
                failWith(
                    error,
                    QStringLiteral("revoke-token-after: '%1' is not a count").arg(clause.mid(19)));
                return std::nullopt;
            }
            plan.revokeTokenAfter = static_cast<int>(number);
            continue;
        }
        if (clause.startsWith(QLatin1String("delete-run="))) {
            if (!parseDeleteRun(clause.mid(11).trimmed(), &plan, error))
                return std::nullopt;
            continue;
        }
        const qsizetype colon = clause.indexOf(QLatin1Char(':'));
        if (colon <= 0) {
            failWith(error, QStringLiteral("'%1' is not ROUTE:FAULTS, revoke-token-after=N or "
                                           "delete-run=ID|next")
                                .arg(clause));
            return std::nullopt;
        }
        const QString route = clause.left(colon).trimmed();
        if (!checkRoute(route, error))
            return std::nullopt;
        const QStringList items = clause.mid(colon + 1).split(QLatin1Char(','));
        RouteFaults rule = plan.routes.value(route);
        if (items.constFirst().trimmed().startsWith(QLatin1String("rate="))) {
            if (rule.rate > 0.0 || !rule.rateFaults.isEmpty()) {
                failWith(error, QStringLiteral("route '%1' has two rates").arg(route));
                return std::nullopt;
            }
            if (!parseRateText(route, items, &rule, error))
                return std::nullopt;
        } else {
            if (!rule.sequence.isEmpty()) {
                failWith(error, QStringLiteral("route '%1' has two sequences").arg(route));
                return std::nullopt;
            }
            for (const QString &item : items) {
                if (!parseFaultText(item, &rule.sequence, error)) {
                    failWith(error, route + QStringLiteral(": ") + *error);
                    return std::nullopt;
                }
            }
        }
        plan.routes.insert(route, rule);
    }
    return plan;
}

std::optional<FaultPlan> FaultPlan::fromJson(const QJsonObject &json, QString *error)
{
    FaultPlan plan;
    for (auto it = json.begin(); it != json.end(); ++it) {
        const QString key = it.key();
        if (key == QLatin1String("routes")) {
            if (!it.value().isObject()) {
                failWith(error, QStringLiteral("routes: expected an object"));
                return std::nullopt;
            }
            const QJsonObject routes = it.value().toObject();
            for (auto r = routes.begin(); r != routes.end(); ++r) {
                const QString where = QStringLiteral("routes.") + r.key();
                if (!checkRoute(r.key(), error))
                    return std::nullopt;
                if (!r.value().isObject()) {
                    failWith(error, where + QStringLiteral(": expected an object"));
                    return std::nullopt;
                }
                RouteFaults rule;
                const QJsonObject object = r.value().toObject();
                for (auto m = object.begin(); m != object.end(); ++m) {
                    const QString member = where + QLatin1Char('.') + m.key();
                    if (m.key() == QLatin1String("sequence")) {
                        if (!faultsFromJson(m.value(), member, &rule.sequence, error))
                            return std::nullopt;
                    } else if (m.key() == QLatin1String("kinds")) {
                        if (!faultsFromJson(m.value(), member, &rule.rateFaults, error))
                            return std::nullopt;
                    } else if (m.key() == QLatin1String("rate")) {
                        rule.rate = m.value().toDouble(-1);
                        if (!m.value().isDouble() || rule.rate < 0.0 || rule.rate > 1.0) {
                            failWith(error, member + QStringLiteral(": expected a number 0-1"));
                            return std::nullopt;
                        }
                    } else if (m.key() == QLatin1String("seed") ||
                               m.key() == QLatin1String("max")) {
                        const double d = m.value().toDouble(-1);
                        if (!m.value().isDouble() || d < 0 || d != static_cast<qint64>(d) ||
                            d > 9007199254740992.0) {
                            failWith(error,
                                     member + QStringLiteral(": expected a non-negative integer"));
                            return std::nullopt;
                        }
                        if (m.key() == QLatin1String("seed"))
                            rule.seed = static_cast<quint64>(d);
                        else
                            rule.maxRateFaults = static_cast<int>(std::min(d, 1e9));
                    } else {
                        failWith(error,
                                 member + QStringLiteral(": unknown member (expected "
                                                         "sequence, rate, seed, kinds, max)"));
                        return std::nullopt;
                    }
                }
                if (rule.rate > 0.0 && rule.rateFaults.isEmpty())
                    rule.rateFaults.append(Fault{});
                plan.routes.insert(r.key(), rule);
            }
        } else if (key == QLatin1String("revoke_token_after")) {
            const double d = it.value().toDouble(-1);
            if (!it.value().isDouble() || d < 0 || d != static_cast<qint64>(d) || d > 2e9) {
                failWith(error, QStringLiteral("revoke_token_after: expected a count"));
                return std::nullopt;
            }
            plan.revokeTokenAfter = static_cast<int>(d);
        } else if (key == QLatin1String("delete_runs")) {
            if (!it.value().isArray()) {
                failWith(error, QStringLiteral("delete_runs: expected an array of run ids "
                                               "and \"next\""));
                return std::nullopt;
            }
            for (const QJsonValue &v : it.value().toArray()) {
                if (!parseDeleteRun(jsonScalarText(v), &plan, error))
                    return std::nullopt;
            }
        } else {
            failWith(error, QStringLiteral("%1: unknown member (expected routes, "
                                           "revoke_token_after, delete_runs)")
                                .arg(key));
            return std::nullopt;
        }
    }
    return plan;
}

QJsonObject FaultPlan::toJson() const
{
    QJsonObject json;
    QJsonObject routesJson;
    for (auto it = routes.begin(); it != routes.end(); ++it) {
        const RouteFaults &rule = it.value();
        QJsonObject ruleJson;
        if (!rule.sequence.isEmpty()) {
            QJsonArray sequence;
            for (const Fault &f : rule.sequence)
                sequence.append(f.toJson());
            ruleJson.insert(QStringLiteral("sequence"), sequence);
        }
        if (rule.rate > 0.0) {
            ruleJson.insert(QStringLiteral("rate"), rule.rate);
            ruleJson.insert(QStringLiteral("seed"), static_cast<double>(rule.seed));
            QJsonArray kinds;
            for (const Fault &f : rule.rateFaults)
                kinds.append(f.toJson());
            ruleJson.insert(QStringLiteral("kinds"), kinds);
            if (rule.maxRateFaults >= 0)
                ruleJson.insert(QStringLiteral("max"), rule.maxRateFaults);
        }
        routesJson.insert(it.key(), ruleJson);
    }
    if (!routesJson.isEmpty())
        json.insert(QStringLiteral("routes"), routesJson);
    if (revokeTokenAfter >= 0)
        json.insert(QStringLiteral("revoke_token_after"), revokeTokenAfter);
    if (!deleteRuns.isEmpty() || deleteNextRuns > 0) {
        QJsonArray deletions;
        for (qint64 id : deleteRuns)
            deletions.append(static_cast<double>(id));
        for (int i = 0; i < deleteNextRuns; ++i)
            deletions.append(QStringLiteral("next"));
        json.insert(QStringLiteral("delete_runs"), deletions);
    }
    return json;
}

QString FaultPlan::toText() const
{
    QStringList clauses;
    for (auto it = routes.begin(); it != routes.end(); ++it) {
        const RouteFaults &rule = it.value();
        if (!rule.sequence.isEmpty()) {
            QStringList faults;
            for (const Fault &f : rule.sequence)
                faults.append(f.toText());
            clauses.append(it.key() + QLatin1Char(':') + faults.join(QLatin1Char(',')));
        }
        if (rule.rate > 0.0) {
            QStringList kinds;
            for (const Fault &f : rule.rateFaults)
                kinds.append(f.toText());
            QString clause = QStringLiteral("%1:rate=%2,seed=%3,kinds=%4")
                                 .arg(it.key(), QString::number(rule.rate, 'g', 17))
                                 .arg(rule.seed)
                                 .arg(kinds.join(QLatin1Char('|')));
            if (rule.maxRateFaults >= 0)
                clause += QStringLiteral(",max=%1").arg(rule.maxRateFaults);
            clauses.append(clause);
        }
    }
    if (revokeTokenAfter >= 0)
        clauses.append(QStringLiteral("revoke-token-after=%1").arg(revokeTokenAfter));
    for (qint64 id : deleteRuns)
        clauses.append(QStringLiteral("delete-run=%1").arg(id));
    for (int i = 0; i < deleteNextRuns; ++i)
        clauses.append(QStringLiteral("delete-run=next"));
    return clauses.join(QLatin1Char(';'));
}

} // namespace Brickrun::Emulator
