// SPDX-License-Identifier: Apache-2.0
// brickrun-demo: the embedded demo workspace as a loadable module (see DemoWorkspace.h).

#include "DemoWorkspace.h"
#include "Emulator.h"
#include "FaultPlan.h"

#include <QtGlobal>

namespace {

class EmulatedWorkspace final : public Brickrun::Demo::Workspace
{
public:
    explicit EmulatedWorkspace(const Brickrun::Emulator::EmulatorOptions &options)
        : m_emulator(options)
    {}
    bool start(QString *error) override { return m_emulator.start(error); }
    QString baseUrl() const override { return m_emulator.baseUrl(); }
    QString token() const override { return m_emulator.token(); }
    double speed() const override { return m_emulator.speed(); }
    bool setFaultPlan(const QString &spec, QString *error) override
    {
        const auto plan = Brickrun::Emulator::FaultPlan::parse(spec, error);
        if (!plan)
            return false;
        m_emulator.setFaultPlan(*plan);
        return true;
    }

private:
    Brickrun::Emulator::Emulator m_emulator;
};

} // namespace

extern "C" Q_DECL_EXPORT Brickrun::Demo::Workspace *
brickrunCreateDemoWorkspace(const Brickrun::Demo::Options &options)
{
    Brickrun::Emulator::EmulatorOptions o;
    o.speed = options.speed;
    o.stateFile = options.stateFile;
    return new EmulatedWorkspace(o);
}
