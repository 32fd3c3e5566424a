<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>DesktopOptions</name>
    <message>
        <source>Cidadão.AI: investigate Brazilian public spending.</source>
        <translation>Cidadão.AI: investigate Brazilian public spending.</translation>
    </message>
    <message>
        <source>Use the local embedded server.</source>
        <translation>Use the local embedded server.</translation>
    </message>
    <message>
        <source>Connect to the remote server at URL.</source>
        <translation>Connect to the remote server at URL.</translation>
    </message>
    <message>
        <source>Keep local data in DIR.</source>
        <translation>Keep local data in DIR.</translation>
    </message>
    <message>
        <source>Interface language: pt_BR, en or fr.</source>
        <translation>Interface language: pt_BR, en or fr.</translation>
    </message>
    <message>
        <source>Path of cidadao-server.</source>
        <translation>Path of cidadao-server.</translation>
    </message>
    <message>
        <source>Do not import the sample data set on first run.</source>
        <translation>Do not import the sample data set on first run.</translation>
    </message>
    <message>
        <source>Print the start-up time once ready, then quit.</source>
        <translation>Print the start-up time once ready, then quit.</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>The server cannot be reached. Check the connection and try again.</source>
        <translation>The server cannot be reached. Check the connection and try again.</translation>
    </message>
    <message>
        <source>The server sent an answer this version of the app does not understand.</source>
        <translation>The server sent an answer this version of the app does not understand.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>The request was cancelled.</translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Your session has ended. Please sign in again.</translation>
    </message>
    <message>
        <source>Your account is not allowed to do this.</source>
        <translation>Your account is not allowed to do this.</translation>
    </message>
    <message>
        <source>This item no longer exists on the server.</source>
        <translation>This item no longer exists on the server.</translation>
    </message>
    <message>
        <source>Too many requests in a short time. Wait a moment and try again.</source>
        <translation>Too many requests in a short time. Wait a moment and try again.</translation>
    </message>
    <message>
        <source>The file or text is too large for the server.</source>
        <translation>The file or text is too large for the server.</translation>
    </message>
    <message>
        <source>This conflicts with the current state on the server (it may already exist or be finished).</source>
        <translation>This conflicts with the current state on the server (it may already exist or be finished).</translation>
    </message>
    <message>
        <source>Please check the field “%1”.</source>
        <translation>Please check the field “%1”.</translation>
    </message>
    <message>
        <source>Some of the information given is not valid.</source>
        <translation>Some of the information given is not valid.</translation>
    </message>
    <message>
        <source>The server is busy or starting. Try again in a moment.</source>
        <translation>The server is busy or starting. Try again in a moment.</translation>
    </message>
    <message>
        <source>The agent could not finish this answer. Try again or rephrase the question.</source>
        <translation>The agent could not finish this answer. Try again or rephrase the question.</translation>
    </message>
    <message>
        <source>The server could not complete the request.</source>
        <translation>The server could not complete the request.</translation>
    </message>
</context>
<context>
    <name>UserError</name>
    <message>
        <source>The operation was cancelled.</source>
        <translation>The operation was cancelled.</translation>
    </message>
    <message>
        <source>The local server is not answering.</source>
        <translation>The local server is not answering.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the connection.</source>
        <translation>The server cannot be reached. Check the connection.</translation>
    </message>
    <message>
        <source>Your session has expired.</source>
        <translation>Your session has expired.</translation>
    </message>
    <message>
        <source>Your account is not allowed to do this.</source>
        <translation>Your account is not allowed to do this.</translation>
    </message>
    <message>
        <source>This item no longer exists on the server.</source>
        <translation>This item no longer exists on the server.</translation>
    </message>
    <message>
        <source>This cannot be done in the item&apos;s current state.</source>
        <translation>This cannot be done in the item&apos;s current state.</translation>
    </message>
    <message>
        <source>The request is too large.</source>
        <translation>The request is too large.</translation>
    </message>
    <message>
        <source>Some of the information entered is not valid.</source>
        <translation>Some of the information entered is not valid.</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; is not valid.</source>
        <translation>The field &quot;%1&quot; is not valid.</translation>
    </message>
    <message>
        <source>Too many requests. Wait a moment and try again.</source>
        <translation>Too many requests. Wait a moment and try again.</translation>
    </message>
    <message>
        <source>The agent could not finish this answer. Try again or rephrase the question.</source>
        <translation>The agent could not finish this answer. Try again or rephrase the question.</translation>
    </message>
    <message>
        <source>The server sent an answer this version cannot read.</source>
        <translation>The server sent an answer this version cannot read.</translation>
    </message>
    <message>
        <source>The local server had a problem with this request.</source>
        <translation>The local server had a problem with this request.</translation>
    </message>
    <message>
        <source>The server had a problem with this request.</source>
        <translation>The server had a problem with this request.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Try again</translation>
    </message>
    <message>
        <source>Log in again</source>
        <translation>Log in again</translation>
    </message>
    <message>
        <source>Restart the local server</source>
        <translation>Restart the local server</translation>
    </message>
</context>
<context>
    <name>cidadao::client::AnomalyModel</name>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Severity</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Confidence</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
</context>
<context>
    <name>cidadao::client::AudioCapture</name>
    <message>
        <source>No microphone was found.</source>
        <translation>No microphone was found.</translation>
    </message>
    <message>
        <source>The microphone could not be opened.</source>
        <translation>The microphone could not be opened.</translation>
    </message>
</context>
<context>
    <name>cidadao::client::AudioDeviceList</name>
    <message>
        <source>No audio device was found (is PulseAudio running?).</source>
        <translation>No audio device was found (is PulseAudio running?).</translation>
    </message>
    <message>
        <source>No microphone was found.</source>
        <translation>No microphone was found.</translation>
    </message>
    <message>
        <source>No speaker or headphones were found.</source>
        <translation>No speaker or headphones were found.</translation>
    </message>
</context>
<context>
    <name>cidadao::client::AudioPlayback</name>
    <message>
        <source>No speaker or headphones were found.</source>
        <translation>No speaker or headphones were found.</translation>
    </message>
    <message>
        <source>The speaker could not be opened.</source>
        <translation>The speaker could not be opened.</translation>
    </message>
</context>
<context>
    <name>cidadao::client::AuthSession</name>
    <message>
        <source>No keychain is available (%1): you stay signed in only until the app closes.</source>
        <translation>No keychain is available (%1): you stay signed in only until the app closes.</translation>
    </message>
    <message>
        <source>No keychain is available (%1): please sign in.</source>
        <translation>No keychain is available (%1): please sign in.</translation>
    </message>
</context>
<context>
    <name>cidadao::client::Connection</name>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Your session has ended. Please sign in again.</translation>
    </message>
    <message>
        <source>The local server stopped unexpectedly.</source>
        <translation>The local server stopped unexpectedly.</translation>
    </message>
    <message>
        <source>The local server could not be started.</source>
        <translation>The local server could not be started.</translation>
    </message>
    <message>
        <source>The server cannot be reached.</source>
        <translation>The server cannot be reached.</translation>
    </message>
</context>
<context>
    <name>cidadao::client::InvestigationsService</name>
    <message>
        <source>This server does not offer that for investigations.</source>
        <translation>This server does not offer that for investigations.</translation>
    </message>
</context>
<context>
    <name>cidadao::client::SessionListModel</name>
    <message>
        <source>New conversation</source>
        <translation>New conversation</translation>
    </message>
</context>
<context>
    <name>cidadao::desktop::DesktopApp</name>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>First start: importing the sample data set (step %1 of %2)…</source>
        <translation>First start: importing the sample data set (step %1 of %2)…</translation>
    </message>
    <message>
        <source>The sample data set could not be imported. You can import Portal da Transparência files on the Data page.</source>
        <translation>The sample data set could not be imported. You can import Portal da Transparência files on the Data page.</translation>
    </message>
    <message>
        <source>Open the Data page</source>
        <translation>Open the Data page</translation>
    </message>
    <message>
        <source>Sign in to %1 to continue.</source>
        <translation>Sign in to %1 to continue.</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Sign in…</translation>
    </message>
    <message>
        <source>The local server stopped. Your data is safe; restart it to go on.</source>
        <translation>The local server stopped. Your data is safe; restart it to go on.</translation>
    </message>
    <message>
        <source>Restart the local server</source>
        <translation>Restart the local server</translation>
    </message>
    <message>
        <source>The server %1 cannot be reached. The last known data stays readable.</source>
        <translation>The server %1 cannot be reached. The last known data stays readable.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Choose another server…</source>
        <translation>Choose another server…</translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Your session has ended. Please sign in again.</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>Investigations</source>
        <translation>Investigations</translation>
    </message>
    <message>
        <source>Workflows</source>
        <translation>Workflows</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::AnomalyDetail</name>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Select an anomaly to see why it was flagged.</source>
        <translation>Select an anomaly to see why it was flagged.</translation>
    </message>
    <message>
        <source>confidence %1%</source>
        <translation>confidence %1%</translation>
    </message>
    <message>
        <source>Detector: %1</source>
        <translation>Detector: %1</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>Next steps</translation>
    </message>
    <message numerus="yes">
        <source>Affected records: %n</source>
        <translation>
            <numerusform>Affected records: %n</numerusform>
            <numerusform>Affected records: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cidadao::ui::ChatView</name>
    <message>
        <source>Chat</source>
        <translation>Chat</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>New conversation</translation>
    </message>
    <message>
        <source>Delete conversation</source>
        <translation>Delete conversation</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Ask about contracts, suppliers or public spending…</source>
        <translation>Ask about contracts, suppliers or public spending…</translation>
    </message>
    <message>
        <source>This conversation was deleted in another window or on another device. You can start a new one here.</source>
        <translation>This conversation was deleted in another window or on another device. You can start a new one here.</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::ConnectionDialog</name>
    <message>
        <source>Connection</source>
        <translation>Connection</translation>
    </message>
    <message>
        <source>This computer (local server, works offline)</source>
        <translation>This computer (local server, works offline)</translation>
    </message>
    <message>
        <source>A server on the network</source>
        <translation>A server on the network</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>Server &amp;address:</translation>
    </message>
    <message>
        <source>https://cidadao.example.org</source>
        <translation>https://cidadao.example.org</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>I already have an account</source>
        <translation>I already have an account</translation>
    </message>
    <message>
        <source>Create an account</source>
        <translation>Create an account</translation>
    </message>
    <message>
        <source>Create and sign &amp;in</source>
        <translation>Create and sign &amp;in</translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation>Sign &amp;in</translation>
    </message>
    <message>
        <source>C&amp;onnect</source>
        <translation>C&amp;onnect</translation>
    </message>
    <message>
        <source>Please enter the server&apos;s address, for example https://cidadao.example.org.</source>
        <translation>Please enter the server&apos;s address, for example https://cidadao.example.org.</translation>
    </message>
    <message>
        <source>Contacting %1…</source>
        <translation>Contacting %1…</translation>
    </message>
    <message>
        <source>Connected. Sign in or create an account.</source>
        <translation>Connected. Sign in or create an account.</translation>
    </message>
    <message>
        <source>No Cidadão.AI server answers at this address. Check it and try again.</source>
        <translation>No Cidadão.AI server answers at this address. Check it and try again.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>The e-mail or the password is not right.</source>
        <translation>The e-mail or the password is not right.</translation>
    </message>
    <message>
        <source>An account with this e-mail already exists. Sign in instead.</source>
        <translation>An account with this e-mail already exists. Sign in instead.</translation>
    </message>
    <message>
        <source>Please enter your e-mail and password.</source>
        <translation>Please enter your e-mail and password.</translation>
    </message>
    <message>
        <source>The password needs at least 8 characters.</source>
        <translation>The password needs at least 8 characters.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::ConnectionStatus</name>
    <message>
        <source>Not connected</source>
        <translation>Not connected</translation>
    </message>
    <message>
        <source>Starting the local server…</source>
        <translation>Starting the local server…</translation>
    </message>
    <message>
        <source>Contacting the server…</source>
        <translation>Contacting the server…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Signing in…</translation>
    </message>
    <message>
        <source>Sign-in required</source>
        <translation>Sign-in required</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Connected</translation>
    </message>
    <message>
        <source>Server unreachable</source>
        <translation>Server unreachable</translation>
    </message>
    <message>
        <source>Local server stopped</source>
        <translation>Local server stopped</translation>
    </message>
    <message>
        <source>No connection</source>
        <translation>No connection</translation>
    </message>
    <message>
        <source>Local mode</source>
        <translation>Local mode</translation>
    </message>
    <message>
        <source>Remote mode</source>
        <translation>Remote mode</translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation>anonymous</translation>
    </message>
    <message>
        <source>Connected (live updates reconnecting…)</source>
        <translation>Connected (live updates reconnecting…)</translation>
    </message>
    <message>
        <source>Local account</source>
        <translation>Local account</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::DashboardCharts</name>
    <message>
        <source>Critical</source>
        <translation>Critical</translation>
    </message>
    <message>
        <source>High</source>
        <translation>High</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Medium</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Low</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Price</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Supplier</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>Timing</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>Pattern</translation>
    </message>
    <message>
        <source>Anomalies by type and severity</source>
        <translation>Anomalies by type and severity</translation>
    </message>
    <message>
        <source>Monthly value of flagged records</source>
        <translation>Monthly value of flagged records</translation>
    </message>
    <message>
        <source>Value per month</source>
        <translation>Value per month</translation>
    </message>
    <message>
        <source>High and critical findings</source>
        <translation>High and critical findings</translation>
    </message>
    <message>
        <source>R$</source>
        <translation>R$</translation>
    </message>
    <message>
        <source>Supplier concentration</source>
        <translation>Supplier concentration</translation>
    </message>
    <message>
        <source>Others</source>
        <translation>Others</translation>
    </message>
    <message>
        <source>R$ million</source>
        <translation>R$ million</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::DataPage</name>
    <message numerus="yes">
        <source>Importing %1: %n row(s) stored</source>
        <translation>
            <numerusform>Importing %1: %n row stored</numerusform>
            <numerusform>Importing %1: %n rows stored</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rejected</source>
        <translation>
            <numerusform>%n rejected</numerusform>
            <numerusform>%n rejected</numerusform>
        </translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>Contracts</translation>
    </message>
    <message>
        <source>Biddings</source>
        <translation>Biddings</translation>
    </message>
    <message>
        <source>Bidding participants</source>
        <translation>Bidding participants</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Agreements</translation>
    </message>
    <message>
        <source>Expenses</source>
        <translation>Expenses</translation>
    </message>
    <message>
        <source>Public servants&apos; pay</source>
        <translation>Public servants&apos; pay</translation>
    </message>
    <message>
        <source>Sanctions</source>
        <translation>Sanctions</translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation>%1 records</translation>
    </message>
    <message>
        <source>Last import: %1</source>
        <translation>Last import: %1</translation>
    </message>
    <message>
        <source>Import Portal da Transparência files</source>
        <translation>Import Portal da Transparência files</translation>
    </message>
    <message>
        <source>Portal files (*.csv *.zip);;All files (*)</source>
        <translation>Portal files (*.csv *.zip);;All files (*)</translation>
    </message>
    <message>
        <source>Sending %1…</source>
        <translation>Sending %1…</translation>
    </message>
    <message>
        <source>The file %1 cannot be read.</source>
        <translation>The file %1 cannot be read.</translation>
    </message>
    <message>
        <source>Imported %1</source>
        <translation>Imported %1</translation>
    </message>
    <message>
        <source>%1 rows read, %2 stored, %3 rejected.</source>
        <translation>%1 rows read, %2 stored, %3 rejected.</translation>
    </message>
    <message>
        <source>%1 was not imported</source>
        <translation>%1 was not imported</translation>
    </message>
    <message>
        <source>The file was rejected as a whole: %1</source>
        <translation>The file was rejected as a whole: %1</translation>
    </message>
    <message>
        <source>%1 is not a Portal da Transparência file this app can read.</source>
        <translation>%1 is not a Portal da Transparência file this app can read.</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation>&amp;Import files…</translation>
    </message>
    <message>
        <source>Import CSV or ZIP files downloaded from the Portal da Transparência</source>
        <translation>Import CSV or ZIP files downloaded from the Portal da Transparência</translation>
    </message>
    <message>
        <source>Detect the source</source>
        <translation>Detect the source</translation>
    </message>
    <message>
        <source>Reload the &amp;sample data</source>
        <translation>Reload the &amp;sample data</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Sources</translation>
    </message>
    <message>
        <source>Search records (supplier, organ, object, CNPJ…)</source>
        <translation>Search records (supplier, organ, object, CNPJ…)</translation>
    </message>
    <message>
        <source>Load more</source>
        <translation>Load more</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>A quoted field is never closed.</source>
        <translation>A quoted field is never closed.</translation>
    </message>
    <message>
        <source>The row has %1 fields; the header has %2.</source>
        <translation>The row has %1 fields; the header has %2.</translation>
    </message>
    <message>
        <source>“%1” is not a date (DD/MM/YYYY).</source>
        <translation>“%1” is not a date (DD/MM/YYYY).</translation>
    </message>
    <message>
        <source>“%1” is not a value (like 1.234,56).</source>
        <translation>“%1” is not a value (like 1.234,56).</translation>
    </message>
    <message>
        <source>“%1” is not a whole number in the expected range.</source>
        <translation>“%1” is not a whole number in the expected range.</translation>
    </message>
    <message>
        <source>“%1” is neither SIM nor NÃO.</source>
        <translation>“%1” is neither SIM nor NÃO.</translation>
    </message>
    <message>
        <source>“%1” is neither CEIS nor CNEP.</source>
        <translation>“%1” is neither CEIS nor CNEP.</translation>
    </message>
    <message>
        <source>the import was cancelled.</source>
        <translation>the import was cancelled.</translation>
    </message>
    <message>
        <source>the file is empty.</source>
        <translation>the file is empty.</translation>
    </message>
    <message>
        <source>its header is not one of a Portal da Transparência file this app knows.</source>
        <translation>its header is not one of a Portal da Transparência file this app knows.</translation>
    </message>
    <message>
        <source>this is the servants&apos; Cadastro file: import it together with the Remuneração file.</source>
        <translation>this is the servants&apos; Cadastro file: import it together with the Remuneração file.</translation>
    </message>
    <message>
        <source>columns the app needs are missing: %1.</source>
        <translation>columns the app needs are missing: %1.</translation>
    </message>
    <message>
        <source>no file inside the ZIP holds data of this kind.</source>
        <translation>no file inside the ZIP holds data of this kind.</translation>
    </message>
    <message>
        <source>the server cannot open the file.</source>
        <translation>the server cannot open the file.</translation>
    </message>
    <message>
        <source>the file is damaged or cannot be read to the end.</source>
        <translation>the file is damaged or cannot be read to the end.</translation>
    </message>
    <message>
        <source>the database could not store it; nothing was changed.</source>
        <translation>the database could not store it; nothing was changed.</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::InvestigationDashboard</name>
    <message>
        <source>Saved to %1</source>
        <translation>Saved to %1</translation>
    </message>
    <message>
        <source>Start an investigation or pick one from the list.</source>
        <translation>Start an investigation or pick one from the list.</translation>
    </message>
    <message>
        <source>records analysed</source>
        <translation>records analysed</translation>
    </message>
    <message>
        <source>anomalies found</source>
        <translation>anomalies found</translation>
    </message>
    <message>
        <source>high or critical</source>
        <translation>high or critical</translation>
    </message>
    <message>
        <source>confidence</source>
        <translation>confidence</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>processing time</source>
        <translation>processing time</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>CSV tables (*.csv)</source>
        <translation>CSV tables (*.csv)</translation>
    </message>
    <message>
        <source>Markdown documents (*.md)</source>
        <translation>Markdown documents (*.md)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON files (*.json)</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Export report</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Search descriptions and explanations</source>
        <translation>Search descriptions and explanations</translation>
    </message>
    <message>
        <source>Any severity</source>
        <translation>Any severity</translation>
    </message>
    <message>
        <source>%1 or above</source>
        <translation>%1 or above</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>All types</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Export…</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::InvestigationForm</name>
    <message>
        <source>Write what you want to investigate.</source>
        <translation>Write what you want to investigate.</translation>
    </message>
    <message>
        <source>Choose at least one kind of anomaly.</source>
        <translation>Choose at least one kind of anomaly.</translation>
    </message>
    <message>
        <source>The period starts after it ends.</source>
        <translation>The period starts after it ends.</translation>
    </message>
    <message>
        <source>The minimum value is above the maximum.</source>
        <translation>The minimum value is above the maximum.</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Question</translation>
    </message>
    <message>
        <source>e.g. contracts of the Ministry of Health with unusual prices</source>
        <translation>e.g. contracts of the Ministry of Health with unusual prices</translation>
    </message>
    <message>
        <source>Data source</source>
        <translation>Data source</translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>Contracts</translation>
    </message>
    <message>
        <source>Expenses</source>
        <translation>Expenses</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Agreements</translation>
    </message>
    <message>
        <source>Biddings</source>
        <translation>Biddings</translation>
    </message>
    <message>
        <source>Public servants</source>
        <translation>Public servants</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>To</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Órgão</source>
        <translation>Agency (órgão)</translation>
    </message>
    <message>
        <source>Start typing: names come from your imported data</source>
        <translation>Start typing: names come from your imported data</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Supplier</translation>
    </message>
    <message>
        <source>Name or CNPJ</source>
        <translation>Name or CNPJ</translation>
    </message>
    <message>
        <source>Value from / to</source>
        <translation>Value from / to</translation>
    </message>
    <message>
        <source>any</source>
        <translation>any</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>Any state</translation>
    </message>
    <message>
        <source>Look for</source>
        <translation>Look for</translation>
    </message>
    <message>
        <source>Start investigation</source>
        <translation>Start investigation</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::InvestigationsView</name>
    <message>
        <source>Investigations</source>
        <translation>Investigations</translation>
    </message>
    <message>
        <source>Refresh list</source>
        <translation>Refresh list</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::LatencyLabel</name>
    <message>
        <source>⇄ – ms</source>
        <translation>⇄ – ms</translation>
    </message>
    <message>
        <source>Server latency</source>
        <translation>Server latency</translation>
    </message>
    <message>
        <source>⇄ %1 ms</source>
        <translation>⇄ %1 ms</translation>
    </message>
    <message>
        <source>Round trip to the server: last %1 ms, median %2 ms, 99th percentile %3 ms</source>
        <translation>Round trip to the server: last %1 ms, median %2 ms, 99th percentile %3 ms</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::MainWindow</name>
    <message>
        <source>Cidadão.AI</source>
        <translation>Cidadão.AI</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>&amp;Connection…</source>
        <translation>&amp;Connection…</translation>
    </message>
    <message>
        <source>Choose the server and sign in</source>
        <translation>Choose the server and sign in</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::MessageBanner</name>
    <message>
        <source>Close message</source>
        <translation>Close message</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::MessageDelegate</name>
    <message>
        <source>You</source>
        <translation>You</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Writing…</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <source>Not delivered</source>
        <translation>Not delivered</translation>
    </message>
    <message>
        <source>The answer could not be completed</source>
        <translation>The answer could not be completed</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Stopped</translation>
    </message>
    <message>
        <source>Confidence %1%</source>
        <translation>Confidence %1%</translation>
    </message>
    <message numerus="yes">
        <source>and %n more contract(s)</source>
        <translation>
            <numerusform>and %n more contract</numerusform>
            <numerusform>and %n more contracts</numerusform>
        </translation>
    </message>
    <message>
        <source>Contract %1</source>
        <translation>Contract %1</translation>
    </message>
    <message>
        <source>signed %1</source>
        <translation>signed %1</translation>
    </message>
    <message>
        <source>no. %1</source>
        <translation>no. %1</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::MessageListView</name>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::ProgressDelegate</name>
    <message>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Running</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completed</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>reading the data</source>
        <translation>reading the data</translation>
    </message>
    <message>
        <source>looking for anomalies</source>
        <translation>looking for anomalies</translation>
    </message>
    <message>
        <source>analysing patterns</source>
        <translation>analysing patterns</translation>
    </message>
    <message>
        <source>writing the report</source>
        <translation>writing the report</translation>
    </message>
    <message>
        <source>(no question)</source>
        <translation>(no question)</translation>
    </message>
    <message numerus="yes">
        <source>%n anomaly(ies)</source>
        <translation>
            <numerusform>%n anomaly</numerusform>
            <numerusform>%n anomalies</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cidadao::ui::PushToTalkWidget</name>
    <message>
        <source>Microphone</source>
        <translation>Microphone</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <source>Listening… release to send</source>
        <translation>Listening… release to send</translation>
    </message>
    <message>
        <source>Hold to talk (%1)</source>
        <translation>Hold to talk (%1)</translation>
    </message>
    <message>
        <source>Push-to-talk is off: %1</source>
        <translation>Push-to-talk is off: %1</translation>
    </message>
    <message>
        <source>Speaking — press to interrupt.</source>
        <translation>Speaking — press to interrupt.</translation>
    </message>
    <message>
        <source>Listening…</source>
        <translation>Listening…</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>Ready.</translation>
    </message>
    <message>
        <source>Not connected to the voice service.</source>
        <translation>Not connected to the voice service.</translation>
    </message>
    <message>
        <source>Offline speech recognition: %1. No offline Portuguese model is installed, so speak English, or configure a Portuguese model or a transcription server on the server.</source>
        <translation>Offline speech recognition: %1. No offline Portuguese model is installed, so speak English, or configure a Portuguese model or a transcription server on the server.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Offline speech recognition: %1.</source>
        <translation>Offline speech recognition: %1.</translation>
    </message>
    <message>
        <source>Hold to talk (or hold %1). Press while the answer plays to interrupt it.</source>
        <translation>Hold to talk (or hold %1). Press while the answer plays to interrupt it.</translation>
    </message>
    <message>
        <source>No offline Portuguese speech recognition model ships with Debian, so voice commands are understood in English only here. A Portuguese model or a transcription server can be configured on the server.</source>
        <translation>No offline Portuguese speech recognition model ships with Debian, so voice commands are understood in English only here. A Portuguese model or a transcription server can be configured on the server.</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::RecordColumns</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>Signed on</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Year</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>Registry</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Object</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Supplier</translation>
    </message>
    <message>
        <source>Supplier CNPJ/CPF</source>
        <translation>Supplier CNPJ/CPF</translation>
    </message>
    <message>
        <source>Payee</source>
        <translation>Payee</translation>
    </message>
    <message>
        <source>Payee CNPJ/CPF</source>
        <translation>Payee CNPJ/CPF</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Participant</translation>
    </message>
    <message>
        <source>Participant CNPJ/CPF</source>
        <translation>Participant CNPJ/CPF</translation>
    </message>
    <message>
        <source>Winner</source>
        <translation>Winner</translation>
    </message>
    <message>
        <source>Grantee</source>
        <translation>Grantee</translation>
    </message>
    <message>
        <source>Grantee CNPJ</source>
        <translation>Grantee CNPJ</translation>
    </message>
    <message>
        <source>Grantee type</source>
        <translation>Grantee type</translation>
    </message>
    <message>
        <source>Grantee legal nature</source>
        <translation>Grantee legal nature</translation>
    </message>
    <message>
        <source>Sanctioned party</source>
        <translation>Sanctioned party</translation>
    </message>
    <message>
        <source>Sanctioned CNPJ/CPF</source>
        <translation>Sanctioned CNPJ/CPF</translation>
    </message>
    <message>
        <source>Name as reported</source>
        <translation>Name as reported</translation>
    </message>
    <message>
        <source>Person type</source>
        <translation>Person type</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>CPF</source>
        <translation>CPF</translation>
    </message>
    <message>
        <source>Servant ID</source>
        <translation>Servant ID</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Registration</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>Situation</translation>
    </message>
    <message>
        <source>Hired on</source>
        <translation>Hired on</translation>
    </message>
    <message>
        <source>Value (R$)</source>
        <translation>Value (R$)</translation>
    </message>
    <message>
        <source>Initial value (R$)</source>
        <translation>Initial value (R$)</translation>
    </message>
    <message>
        <source>Final value (R$)</source>
        <translation>Final value (R$)</translation>
    </message>
    <message>
        <source>Original value (R$)</source>
        <translation>Original value (R$)</translation>
    </message>
    <message>
        <source>Released (R$)</source>
        <translation>Released (R$)</translation>
    </message>
    <message>
        <source>Counterpart (R$)</source>
        <translation>Counterpart (R$)</translation>
    </message>
    <message>
        <source>Last release on</source>
        <translation>Last release on</translation>
    </message>
    <message>
        <source>Last release (R$)</source>
        <translation>Last release (R$)</translation>
    </message>
    <message>
        <source>Fine (R$)</source>
        <translation>Fine (R$)</translation>
    </message>
    <message>
        <source>Gross basic pay (R$)</source>
        <translation>Gross basic pay (R$)</translation>
    </message>
    <message>
        <source>Ceiling cut (R$)</source>
        <translation>Ceiling cut (R$)</translation>
    </message>
    <message>
        <source>13th salary (R$)</source>
        <translation>13th salary (R$)</translation>
    </message>
    <message>
        <source>Vacation pay (R$)</source>
        <translation>Vacation pay (R$)</translation>
    </message>
    <message>
        <source>Other occasional pay (R$)</source>
        <translation>Other occasional pay (R$)</translation>
    </message>
    <message>
        <source>Income tax withheld (R$)</source>
        <translation>Income tax withheld (R$)</translation>
    </message>
    <message>
        <source>Social security (R$)</source>
        <translation>Social security (R$)</translation>
    </message>
    <message>
        <source>Other deductions (R$)</source>
        <translation>Other deductions (R$)</translation>
    </message>
    <message>
        <source>Net pay (R$)</source>
        <translation>Net pay (R$)</translation>
    </message>
    <message>
        <source>Indemnities (R$)</source>
        <translation>Indemnities (R$)</translation>
    </message>
    <message>
        <source>Procurement method</source>
        <translation>Procurement method</translation>
    </message>
    <message>
        <source>Method code</source>
        <translation>Method code</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Category</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Scope</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <source>Expense element</source>
        <translation>Expense element</translation>
    </message>
    <message>
        <source>Payment code</source>
        <translation>Payment code</translation>
    </message>
    <message>
        <source>Sanction code</source>
        <translation>Sanction code</translation>
    </message>
    <message>
        <source>Item code</source>
        <translation>Item code</translation>
    </message>
    <message>
        <source>Agency code</source>
        <translation>Agency code</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Agency</translation>
    </message>
    <message>
        <source>Ministry code</source>
        <translation>Ministry code</translation>
    </message>
    <message>
        <source>Ministry</source>
        <translation>Ministry</translation>
    </message>
    <message>
        <source>Unit (UG) code</source>
        <translation>Unit (UG) code</translation>
    </message>
    <message>
        <source>Management unit (UG)</source>
        <translation>Management unit (UG)</translation>
    </message>
    <message>
        <source>Grantor agency code</source>
        <translation>Grantor agency code</translation>
    </message>
    <message>
        <source>Grantor agency</source>
        <translation>Grantor agency</translation>
    </message>
    <message>
        <source>Grantor unit code</source>
        <translation>Grantor unit code</translation>
    </message>
    <message>
        <source>Grantor unit</source>
        <translation>Grantor unit</translation>
    </message>
    <message>
        <source>Sanctioning agency</source>
        <translation>Sanctioning agency</translation>
    </message>
    <message>
        <source>Sanctioning state</source>
        <translation>Sanctioning state</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Municipality code</source>
        <translation>Municipality code</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>Process</translation>
    </message>
    <message>
        <source>Original number</source>
        <translation>Original number</translation>
    </message>
    <message>
        <source>Bidding number</source>
        <translation>Bidding number</translation>
    </message>
    <message>
        <source>Bidding method</source>
        <translation>Bidding method</translation>
    </message>
    <message>
        <source>Bidding method code</source>
        <translation>Bidding method code</translation>
    </message>
    <message>
        <source>Bidding unit code</source>
        <translation>Bidding unit code</translation>
    </message>
    <message>
        <source>Bidding unit</source>
        <translation>Bidding unit</translation>
    </message>
    <message>
        <source>Published on</source>
        <translation>Published on</translation>
    </message>
    <message>
        <source>Opened on</source>
        <translation>Opened on</translation>
    </message>
    <message>
        <source>Result on</source>
        <translation>Result on</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Starts</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Ends</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <source>Line in the file</source>
        <translation>Line in the file</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::SettingsDialog</name>
    <message>
        <source>Data directory</source>
        <translation>Data directory</translation>
    </message>
    <message>
        <source>This computer (local server)</source>
        <translation>This computer (local server)</translation>
    </message>
    <message>
        <source>%1 (in use)</source>
        <translation>%1 (in use)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Connections</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agents</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Storage</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <source>The new language applies at once.</source>
        <translation>The new language applies at once.</translation>
    </message>
    <message>
        <source>Address of a Cidadão.AI server, e.g. https://cidadao.example.org</source>
        <translation>Address of a Cidadão.AI server, e.g. https://cidadao.example.org</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Add</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <source>&amp;Use this connection</source>
        <translation>&amp;Use this connection</translation>
    </message>
    <message>
        <source>LLM &amp;endpoint:</source>
        <translation>LLM &amp;endpoint:</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Model:</translation>
    </message>
    <message>
        <source>Optional. An OpenAI-compatible chat-completions server (llama.cpp, Ollama, …) that the agents use to phrase their answers. Without it, answers are composed offline. Applies when the local server next starts.</source>
        <translation>Optional. An OpenAI-compatible chat-completions server (llama.cpp, Ollama, …) that the agents use to phrase their answers. Without it, answers are composed offline. Applies when the local server next starts.</translation>
    </message>
    <message>
        <source>&amp;Data directory:</source>
        <translation>&amp;Data directory:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>Where the local server keeps its database and the app its cache. A new directory is used from the next start.</source>
        <translation>Where the local server keeps its database and the app its cache. A new directory is used from the next start.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::WorkflowGraphView</name>
    <message>
        <source>pending</source>
        <translation>pending</translation>
    </message>
    <message>
        <source>running</source>
        <translation>running</translation>
    </message>
    <message>
        <source>retrying</source>
        <translation>retrying</translation>
    </message>
    <message>
        <source>done</source>
        <translation>done</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>Workflow graph</source>
        <translation>Workflow graph</translation>
    </message>
    <message>
        <source>Choose a workflow to see its steps</source>
        <translation>Choose a workflow to see its steps</translation>
    </message>
    <message>
        <source>done in %1 ms</source>
        <translation>done in %1 ms</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::WorkflowNotifier</name>
    <message>
        <source>Cidadão.AI</source>
        <translation>Cidadão.AI</translation>
    </message>
    <message>
        <source>Investigation finished</source>
        <translation>Investigation finished</translation>
    </message>
    <message>
        <source>Critical anomaly found</source>
        <translation>Critical anomaly found</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Import finished</translation>
    </message>
    <message>
        <source>New findings in your watchlist</source>
        <translation>New findings in your watchlist</translation>
    </message>
    <message>
        <source>Notification</source>
        <translation>Notification</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::WorkflowsView</name>
    <message>
        <source>Cancel run</source>
        <translation>Cancel run</translation>
    </message>
    <message>
        <source>Workflows</source>
        <translation>Workflows</translation>
    </message>
    <message>
        <source>Workflow input (JSON)</source>
        <translation>Workflow input (JSON)</translation>
    </message>
    <message>
        <source>Input as JSON</source>
        <translation>Input as JSON</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>Workflow</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Started</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Running %1…</source>
        <translation>Running %1…</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Finished</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>Stopped: %1</translation>
    </message>
    <message>
        <source>Failed at %1: %2</source>
        <translation>Failed at %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n step</numerusform>
            <numerusform>%n steps</numerusform>
        </translation>
    </message>
    <message>
        <source>The input must be a JSON object.</source>
        <translation>The input must be a JSON object.</translation>
    </message>
    <message>
        <source>Not connected to the server; try again when the connection is back.</source>
        <translation>Not connected to the server; try again when the connection is back.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Starting…</translation>
    </message>
    <message>
        <source>running</source>
        <translation>running</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>completed</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>&amp;Workflows</source>
        <translation>&amp;Workflows</translation>
    </message>
    <message>
        <source>In&amp;put</source>
        <translation>In&amp;put</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Run</translation>
    </message>
    <message>
        <source>Workflow history</source>
        <translation>Workflow history</translation>
    </message>
</context>
</TS>
