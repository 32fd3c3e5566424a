// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretstore.h"

#include <QPointer>
#include <QTimer>

namespace cidadao::client {

namespace {

// Answers on the next event-loop turn, as a real keychain does, so callers cannot come to rely on
// a synchronous answer that the keychain would never give.
void answerLater(QObject* context, SecretStore::Callback done, SecretResult result)
{
    QTimer::singleShot(0, context, [done = std::move(done), result = std::move(result)] {
        if (done)
            done(result);
    });
}

} // namespace

void MemorySecretStore::read(const QString& key, Callback done)
{
    SecretResult result;
    const auto it = m_values.constFind(key);
    if (it == m_values.constEnd()) {
        result.notFound = true;
        result.error = QStringLiteral("no secret for %1").arg(key);
    } else {
        result.ok = true;
        result.value = *it;
    }
    answerLater(this, std::move(done), result);
}

void MemorySecretStore::write(const QString& key, const QByteArray& value, Callback done)
{
    m_values.insert(key, value);
    answerLater(this, std::move(done), SecretResult{true, false, {}, {}});
}

void MemorySecretStore::remove(const QString& key, Callback done)
{
    m_values.remove(key);
    answerLater(this, std::move(done), SecretResult{true, false, {}, {}});
}

} // namespace cidadao::client
