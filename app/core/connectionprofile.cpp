// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionprofile.h"

#include <QSettings>
#include <QUuid>

namespace cidadao::client {

namespace {

constexpr auto LocalId = "local";

QString kindName(ConnectionProfile::Kind kind)
{
    return kind == ConnectionProfile::Kind::Remote ? QStringLiteral("remote") : QStringLiteral("local");
}

} // namespace

bool ConnectionProfile::isValid() const
{
    if (id.isEmpty())
        return false;
    if (kind == Kind::Local)
        return true;
    return url.isValid() && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"))
           && !url.host().isEmpty();
}

ConnectionProfile ConnectionProfile::local()
{
    ConnectionProfile profile;
    profile.id = QLatin1String(LocalId);
    profile.name = QStringLiteral("Local");
    profile.kind = Kind::Local;
    return profile;
}

ConnectionProfile ConnectionProfile::remote(QString name, QUrl url)
{
    ConnectionProfile profile;
    profile.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    profile.name = std::move(name);
    profile.kind = Kind::Remote;
    profile.url = std::move(url);
    return profile;
}

ProfileStore::ProfileStore(QSettings& settings)
    : m_settings(settings)
{
}

QList<ConnectionProfile> ProfileStore::profiles() const
{
    QList<ConnectionProfile> out;
    bool hasLocal = false;
    m_settings.beginGroup(QStringLiteral("profiles"));
    const QStringList ids = m_settings.childGroups();
    for (const QString& id : ids) {
        m_settings.beginGroup(id);
        ConnectionProfile profile;
        profile.id = id;
        profile.name = m_settings.value(QStringLiteral("name")).toString();
        profile.kind = m_settings.value(QStringLiteral("kind")).toString() == QLatin1String("remote")
                           ? ConnectionProfile::Kind::Remote
                           : ConnectionProfile::Kind::Local;
        profile.url = QUrl(m_settings.value(QStringLiteral("url")).toString());
        profile.lastEmail = m_settings.value(QStringLiteral("last_email")).toString();
        m_settings.endGroup();
        hasLocal = hasLocal || profile.id == QLatin1String(LocalId);
        if (profile.isValid())
            out.append(profile);
    }
    m_settings.endGroup();
    if (!hasLocal)
        out.prepend(ConnectionProfile::local());
    return out;
}

std::optional<ConnectionProfile> ProfileStore::profile(const QString& id) const
{
    const QList<ConnectionProfile> all = profiles();
    for (const ConnectionProfile& profile : all)
        if (profile.id == id)
            return profile;
    return std::nullopt;
}

void ProfileStore::save(const ConnectionProfile& profile)
{
    if (!profile.isValid())
        return;
    m_settings.beginGroup(QStringLiteral("profiles"));
    m_settings.beginGroup(profile.id);
    m_settings.setValue(QStringLiteral("name"), profile.name);
    m_settings.setValue(QStringLiteral("kind"), kindName(profile.kind));
    m_settings.setValue(QStringLiteral("url"), profile.url.toString());
    m_settings.setValue(QStringLiteral("last_email"), profile.lastEmail);
    m_settings.endGroup();
    m_settings.endGroup();
}

void ProfileStore::remove(const QString& id)
{
    m_settings.remove(QStringLiteral("profiles/%1").arg(id));
    if (m_settings.value(QStringLiteral("current_profile")).toString() == id)
        m_settings.remove(QStringLiteral("current_profile"));
}

ConnectionProfile ProfileStore::current() const
{
    const QString id = m_settings.value(QStringLiteral("current_profile"), QLatin1String(LocalId)).toString();
    return profile(id).value_or(ConnectionProfile::local());
}

void ProfileStore::setCurrent(const QString& id)
{
    m_settings.setValue(QStringLiteral("current_profile"), id);
}

} // namespace cidadao::client
