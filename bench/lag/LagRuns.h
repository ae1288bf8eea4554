// SPDX-License-Identifier: Apache-2.0
#pragma once

// bench_lag's runs: the length classes, the notebooks and their earlier runs, one batch at a time
// against a fresh demo workspace, and the table. See main.cpp.

#include "RecordingProxy.h"

#include <QElapsedTimer>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace BenchLag {

struct Options
{
    int runsPerClass = 6;
    int batch = 6;
    QList<int> classes{0, 1, 2, 3};
    bool withSdk = true;
    QString keepDir;
    QString workDir;
    QString cli;
    QString emulator;
    QString script;
    QString demoWorkspace;
    QString npmDir;
};

// Runs a program to its end, its output dropped; returns its exit code (-1: did not run).
int runQuietly(const QString &program, const QStringList &arguments);

enum Client
{
    Sdk,
    NoHistory,
    LocalHistory,
    WorkspaceHistory,
    ClientCount
};

struct LengthClass
{
    const char *name;
    double minMs;
    double maxMs;
    double speed; // the workspace's --speed for this class
};

struct PlannedRun
{
    int lengthClass = 0;
    int index = 0;
    double durationMs = 0;
    double variation = 0.05;
    std::vector<double> earlierMs; // 20 earlier runs of the same notebook
};

struct Measured
{
    int lengthClass = 0;
    int index = 0;
    Client client = Sdk;
    double durationMs = 0;
    bool seen = false; // a terminal answer passed the proxy
    // When it passed, after the run's end_time (simulated ms). An answer a fraction of a real
    // millisecond "before" the end (the fitted clock's error, times the speed) counts as 0.
    double lagMs = 0;
    int gets = 0;
};

class LagBench
{
public:
    explicit LagBench(Options options);
    ~LagBench();
    bool run(QString *error);
    void printTable() const;
    // One line a run: class, index, client, duration, lag (ms), runs/get.
    bool writeCsv(const QString &file) const;

    static QString notebookPath(const PlannedRun &run, Client client);

private:
    bool setUp(QString *error);
    bool writeWorkspace(QString *error);
    bool seedHistory(QString *error) const;
    bool writeWorkspaceHistory(const QString &file, const std::vector<PlannedRun> &batch,
                               QString *error) const;
    bool runBatch(int batchNumber, const std::vector<PlannedRun> &batch, QString *error);
    void collect(const std::vector<PlannedRun> &batch, double speed);
    QStringList environment(double speed) const;

    Options m_o;
    QElapsedTimer m_clock;
    std::vector<PlannedRun> m_runs;
    std::vector<std::unique_ptr<RecordingProxy>> m_proxies; // by Client
    std::vector<Measured> m_results;
    std::vector<int> m_lists; // runs/list requests by class × Client
    QString m_workspaceFile;
    QString m_token;
};

} // namespace BenchLag
