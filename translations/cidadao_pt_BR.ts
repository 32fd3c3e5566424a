<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>DesktopOptions</name>
    <message>
        <source>Cidadão.AI: investigate Brazilian public spending.</source>
        <translation>Cidadão.AI: investigue os gastos públicos brasileiros.</translation>
    </message>
    <message>
        <source>Use the local embedded server.</source>
        <translation>Usar o servidor local embutido.</translation>
    </message>
    <message>
        <source>Connect to the remote server at URL.</source>
        <translation>Conectar ao servidor remoto em URL.</translation>
    </message>
    <message>
        <source>Keep local data in DIR.</source>
        <translation>Guardar os dados locais em DIR.</translation>
    </message>
    <message>
        <source>Interface language: pt_BR, en or fr.</source>
        <translation>Idioma da interface: pt_BR, en ou fr.</translation>
    </message>
    <message>
        <source>Path of cidadao-server.</source>
        <translation>Caminho do cidadao-server.</translation>
    </message>
    <message>
        <source>Do not import the sample data set on first run.</source>
        <translation>Não importar os dados de exemplo na primeira execução.</translation>
    </message>
    <message>
        <source>Print the start-up time once ready, then quit.</source>
        <translation>Mostrar o tempo de inicialização quando pronto e sair.</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>The server cannot be reached. Check the connection and try again.</source>
        <translation>Não foi possível alcançar o servidor. Verifique a conexão e tente de novo.</translation>
    </message>
    <message>
        <source>The server sent an answer this version of the app does not understand.</source>
        <translation>O servidor enviou uma resposta que esta versão do aplicativo não entende.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>A solicitação foi cancelada.</translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Sua sessão terminou. Entre novamente.</translation>
    </message>
    <message>
        <source>Your account is not allowed to do this.</source>
        <translation>Sua conta não tem permissão para fazer isso.</translation>
    </message>
    <message>
        <source>This item no longer exists on the server.</source>
        <translation>Este item não existe mais no servidor.</translation>
    </message>
    <message>
        <source>Too many requests in a short time. Wait a moment and try again.</source>
        <translation>Muitas solicitações em pouco tempo. Aguarde um momento e tente de novo.</translation>
    </message>
    <message>
        <source>The file or text is too large for the server.</source>
        <translation>O arquivo ou texto é grande demais para o servidor.</translation>
    </message>
    <message>
        <source>This conflicts with the current state on the server (it may already exist or be finished).</source>
        <translation>Isso conflita com o estado atual no servidor (talvez já exista ou já tenha terminado).</translation>
    </message>
    <message>
        <source>Please check the field “%1”.</source>
        <translation>Verifique o campo “%1”.</translation>
    </message>
    <message>
        <source>Some of the information given is not valid.</source>
        <translation>Algumas informações fornecidas não são válidas.</translation>
    </message>
    <message>
        <source>The server is busy or starting. Try again in a moment.</source>
        <translation>O servidor está ocupado ou iniciando. Tente de novo em instantes.</translation>
    </message>
    <message>
        <source>The agent could not finish this answer. Try again or rephrase the question.</source>
        <translation>O agente não conseguiu concluir esta resposta. Tente de novo ou reformule a pergunta.</translation>
    </message>
    <message>
        <source>The server could not complete the request.</source>
        <translation>O servidor não conseguiu concluir a solicitação.</translation>
    </message>
</context>
<context>
    <name>UserError</name>
    <message>
        <source>The operation was cancelled.</source>
        <translation>A operação foi cancelada.</translation>
    </message>
    <message>
        <source>The local server is not answering.</source>
        <translation>O servidor local não está respondendo.</translation>
    </message>
    <message>
        <source>The server cannot be reached. Check the connection.</source>
        <translation>Não foi possível alcançar o servidor. Verifique a conexão.</translation>
    </message>
    <message>
        <source>Your session has expired.</source>
        <translation>Sua sessão expirou.</translation>
    </message>
    <message>
        <source>Your account is not allowed to do this.</source>
        <translation>Sua conta não tem permissão para fazer isso.</translation>
    </message>
    <message>
        <source>This item no longer exists on the server.</source>
        <translation>Este item não existe mais no servidor.</translation>
    </message>
    <message>
        <source>This cannot be done in the item&apos;s current state.</source>
        <translation>Isso não pode ser feito no estado atual do item.</translation>
    </message>
    <message>
        <source>The request is too large.</source>
        <translation>A solicitação é grande demais.</translation>
    </message>
    <message>
        <source>Some of the information entered is not valid.</source>
        <translation>Algumas informações digitadas não são válidas.</translation>
    </message>
    <message>
        <source>The field &quot;%1&quot; is not valid.</source>
        <translation>O campo &quot;%1&quot; não é válido.</translation>
    </message>
    <message>
        <source>Too many requests. Wait a moment and try again.</source>
        <translation>Muitas solicitações. Aguarde um momento e tente de novo.</translation>
    </message>
    <message>
        <source>The agent could not finish this answer. Try again or rephrase the question.</source>
        <translation>O agente não conseguiu concluir esta resposta. Tente de novo ou reformule a pergunta.</translation>
    </message>
    <message>
        <source>The server sent an answer this version cannot read.</source>
        <translation>O servidor enviou uma resposta que esta versão não consegue ler.</translation>
    </message>
    <message>
        <source>The local server had a problem with this request.</source>
        <translation>O servidor local teve um problema com esta solicitação.</translation>
    </message>
    <message>
        <source>The server had a problem with this request.</source>
        <translation>O servidor teve um problema com esta solicitação.</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Tentar de novo</translation>
    </message>
    <message>
        <source>Log in again</source>
        <translation>Entrar de novo</translation>
    </message>
    <message>
        <source>Restart the local server</source>
        <translation>Reiniciar o servidor local</translation>
    </message>
</context>
<context>
    <name>cidadao::client::AnomalyModel</name>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Gravidade</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Confiança</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descrição</translation>
    </message>
</context>
<context>
    <name>cidadao::client::AudioCapture</name>
    <message>
        <source>No microphone was found.</source>
        <translation>Nenhum microfone foi encontrado.</translation>
    </message>
    <message>
        <source>The microphone could not be opened.</source>
        <translation>Não foi possível abrir o microfone.</translation>
    </message>
</context>
<context>
    <name>cidadao::client::AudioDeviceList</name>
    <message>
        <source>No audio device was found (is PulseAudio running?).</source>
        <translation>Nenhum dispositivo de áudio foi encontrado (o PulseAudio está em execução?).</translation>
    </message>
    <message>
        <source>No microphone was found.</source>
        <translation>Nenhum microfone foi encontrado.</translation>
    </message>
    <message>
        <source>No speaker or headphones were found.</source>
        <translation>Nenhum alto-falante ou fone de ouvido foi encontrado.</translation>
    </message>
</context>
<context>
    <name>cidadao::client::AudioPlayback</name>
    <message>
        <source>No speaker or headphones were found.</source>
        <translation>Nenhum alto-falante ou fone de ouvido foi encontrado.</translation>
    </message>
    <message>
        <source>The speaker could not be opened.</source>
        <translation>Não foi possível abrir o alto-falante.</translation>
    </message>
</context>
<context>
    <name>cidadao::client::AuthSession</name>
    <message>
        <source>No keychain is available (%1): you stay signed in only until the app closes.</source>
        <translation>Nenhum chaveiro disponível (%1): você fica conectado só até fechar o aplicativo.</translation>
    </message>
    <message>
        <source>No keychain is available (%1): please sign in.</source>
        <translation>Nenhum chaveiro disponível (%1): entre novamente.</translation>
    </message>
</context>
<context>
    <name>cidadao::client::Connection</name>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Sua sessão terminou. Entre novamente.</translation>
    </message>
    <message>
        <source>The local server stopped unexpectedly.</source>
        <translation>O servidor local parou inesperadamente.</translation>
    </message>
    <message>
        <source>The local server could not be started.</source>
        <translation>Não foi possível iniciar o servidor local.</translation>
    </message>
    <message>
        <source>The server cannot be reached.</source>
        <translation>Não foi possível alcançar o servidor.</translation>
    </message>
</context>
<context>
    <name>cidadao::client::InvestigationsService</name>
    <message>
        <source>This server does not offer that for investigations.</source>
        <translation>Este servidor não oferece isso para investigações.</translation>
    </message>
</context>
<context>
    <name>cidadao::client::SessionListModel</name>
    <message>
        <source>New conversation</source>
        <translation>Nova conversa</translation>
    </message>
</context>
<context>
    <name>cidadao::desktop::DesktopApp</name>
    <message>
        <source>Data</source>
        <translation>Dados</translation>
    </message>
    <message>
        <source>First start: importing the sample data set (step %1 of %2)…</source>
        <translation>Primeira execução: importando os dados de exemplo (etapa %1 de %2)…</translation>
    </message>
    <message>
        <source>The sample data set could not be imported. You can import Portal da Transparência files on the Data page.</source>
        <translation>Não foi possível importar os dados de exemplo. Você pode importar arquivos do Portal da Transparência na página Dados.</translation>
    </message>
    <message>
        <source>Open the Data page</source>
        <translation>Abrir a página Dados</translation>
    </message>
    <message>
        <source>Sign in to %1 to continue.</source>
        <translation>Entre em %1 para continuar.</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Entrar…</translation>
    </message>
    <message>
        <source>The local server stopped. Your data is safe; restart it to go on.</source>
        <translation>O servidor local parou. Seus dados estão seguros; reinicie-o para continuar.</translation>
    </message>
    <message>
        <source>Restart the local server</source>
        <translation>Reiniciar o servidor local</translation>
    </message>
    <message>
        <source>The server %1 cannot be reached. The last known data stays readable.</source>
        <translation>Não foi possível alcançar o servidor %1. Os últimos dados conhecidos continuam disponíveis.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Tentar de novo</translation>
    </message>
    <message>
        <source>Choose another server…</source>
        <translation>Escolher outro servidor…</translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation>Sua sessão terminou. Entre novamente.</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Conversa</translation>
    </message>
    <message>
        <source>Investigations</source>
        <translation>Investigações</translation>
    </message>
    <message>
        <source>Workflows</source>
        <translation>Fluxos</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::AnomalyDetail</name>
    <message>
        <source>yes</source>
        <translation>sim</translation>
    </message>
    <message>
        <source>no</source>
        <translation>não</translation>
    </message>
    <message>
        <source>Select an anomaly to see why it was flagged.</source>
        <translation>Selecione uma anomalia para ver por que ela foi apontada.</translation>
    </message>
    <message>
        <source>confidence %1%</source>
        <translation>confiança %1%</translation>
    </message>
    <message>
        <source>Detector: %1</source>
        <translation>Detector: %1</translation>
    </message>
    <message>
        <source>Next steps</source>
        <translation>Próximos passos</translation>
    </message>
    <message numerus="yes">
        <source>Affected records: %n</source>
        <translation>
            <numerusform>Registros afetados: %n</numerusform>
            <numerusform>Registros afetados: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cidadao::ui::ChatView</name>
    <message>
        <source>Chat</source>
        <translation>Conversa</translation>
    </message>
    <message>
        <source>New conversation</source>
        <translation>Nova conversa</translation>
    </message>
    <message>
        <source>Delete conversation</source>
        <translation>Excluir conversa</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Enviar</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Parar</translation>
    </message>
    <message>
        <source>Ask about contracts, suppliers or public spending…</source>
        <translation>Pergunte sobre contratos, fornecedores ou gastos públicos…</translation>
    </message>
    <message>
        <source>This conversation was deleted in another window or on another device. You can start a new one here.</source>
        <translation>Esta conversa foi excluída em outra janela ou em outro dispositivo. Você pode começar uma nova aqui.</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::ConnectionDialog</name>
    <message>
        <source>Connection</source>
        <translation>Conexão</translation>
    </message>
    <message>
        <source>This computer (local server, works offline)</source>
        <translation>Este computador (servidor local, funciona sem internet)</translation>
    </message>
    <message>
        <source>A server on the network</source>
        <translation>Um servidor na rede</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>&amp;Endereço do servidor:</translation>
    </message>
    <message>
        <source>https://cidadao.example.org</source>
        <translation>https://cidadao.exemplo.org</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Conta</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;E-mail:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Senha:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nome:</translation>
    </message>
    <message>
        <source>I already have an account</source>
        <translation>Já tenho uma conta</translation>
    </message>
    <message>
        <source>Create an account</source>
        <translation>Criar uma conta</translation>
    </message>
    <message>
        <source>Create and sign &amp;in</source>
        <translation>Criar e &amp;entrar</translation>
    </message>
    <message>
        <source>Sign &amp;in</source>
        <translation>&amp;Entrar</translation>
    </message>
    <message>
        <source>C&amp;onnect</source>
        <translation>C&amp;onectar</translation>
    </message>
    <message>
        <source>Please enter the server&apos;s address, for example https://cidadao.example.org.</source>
        <translation>Digite o endereço do servidor, por exemplo https://cidadao.exemplo.org.</translation>
    </message>
    <message>
        <source>Contacting %1…</source>
        <translation>Contatando %1…</translation>
    </message>
    <message>
        <source>Connected. Sign in or create an account.</source>
        <translation>Conectado. Entre ou crie uma conta.</translation>
    </message>
    <message>
        <source>No Cidadão.AI server answers at this address. Check it and try again.</source>
        <translation>Nenhum servidor Cidadão.AI responde neste endereço. Verifique-o e tente de novo.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Tentar de novo</translation>
    </message>
    <message>
        <source>The e-mail or the password is not right.</source>
        <translation>O e-mail ou a senha não estão corretos.</translation>
    </message>
    <message>
        <source>An account with this e-mail already exists. Sign in instead.</source>
        <translation>Já existe uma conta com este e-mail. Entre com ela.</translation>
    </message>
    <message>
        <source>Please enter your e-mail and password.</source>
        <translation>Digite seu e-mail e sua senha.</translation>
    </message>
    <message>
        <source>The password needs at least 8 characters.</source>
        <translation>A senha precisa ter pelo menos 8 caracteres.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fechar</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::ConnectionStatus</name>
    <message>
        <source>Not connected</source>
        <translation>Desconectado</translation>
    </message>
    <message>
        <source>Starting the local server…</source>
        <translation>Iniciando o servidor local…</translation>
    </message>
    <message>
        <source>Contacting the server…</source>
        <translation>Contatando o servidor…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Entrando…</translation>
    </message>
    <message>
        <source>Sign-in required</source>
        <translation>É preciso entrar</translation>
    </message>
    <message>
        <source>Connected</source>
        <translation>Conectado</translation>
    </message>
    <message>
        <source>Server unreachable</source>
        <translation>Servidor inalcançável</translation>
    </message>
    <message>
        <source>Local server stopped</source>
        <translation>Servidor local parado</translation>
    </message>
    <message>
        <source>No connection</source>
        <translation>Sem conexão</translation>
    </message>
    <message>
        <source>Local mode</source>
        <translation>Modo local</translation>
    </message>
    <message>
        <source>Remote mode</source>
        <translation>Modo remoto</translation>
    </message>
    <message>
        <source>anonymous</source>
        <translation>anônimo</translation>
    </message>
    <message>
        <source>Connected (live updates reconnecting…)</source>
        <translation>Conectado (atualizações ao vivo reconectando…)</translation>
    </message>
    <message>
        <source>Local account</source>
        <translation>Conta local</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::DashboardCharts</name>
    <message>
        <source>Critical</source>
        <translation>Crítica</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Alta</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Média</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Baixa</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preço</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Fornecedor</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>Prazo</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Pagamento</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicidade</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>Padrão</translation>
    </message>
    <message>
        <source>Anomalies by type and severity</source>
        <translation>Anomalias por tipo e gravidade</translation>
    </message>
    <message>
        <source>Monthly value of flagged records</source>
        <translation>Valor mensal dos registros apontados</translation>
    </message>
    <message>
        <source>Value per month</source>
        <translation>Valor por mês</translation>
    </message>
    <message>
        <source>High and critical findings</source>
        <translation>Achados altos e críticos</translation>
    </message>
    <message>
        <source>R$</source>
        <translation>R$</translation>
    </message>
    <message>
        <source>Supplier concentration</source>
        <translation>Concentração de fornecedores</translation>
    </message>
    <message>
        <source>Others</source>
        <translation>Outros</translation>
    </message>
    <message>
        <source>R$ million</source>
        <translation>R$ milhões</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::DataPage</name>
    <message numerus="yes">
        <source>Importing %1: %n row(s) stored</source>
        <translation>
            <numerusform>Importando %1: %n linha gravada</numerusform>
            <numerusform>Importando %1: %n linhas gravadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n rejected</source>
        <translation>
            <numerusform>%n rejeitada</numerusform>
            <numerusform>%n rejeitadas</numerusform>
        </translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>Contratos</translation>
    </message>
    <message>
        <source>Biddings</source>
        <translation>Licitações</translation>
    </message>
    <message>
        <source>Bidding participants</source>
        <translation>Participantes de licitações</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Convênios</translation>
    </message>
    <message>
        <source>Expenses</source>
        <translation>Despesas</translation>
    </message>
    <message>
        <source>Public servants&apos; pay</source>
        <translation>Remuneração de servidores</translation>
    </message>
    <message>
        <source>Sanctions</source>
        <translation>Sanções</translation>
    </message>
    <message>
        <source>%1 records</source>
        <translation>%1 registros</translation>
    </message>
    <message>
        <source>Last import: %1</source>
        <translation>Última importação: %1</translation>
    </message>
    <message>
        <source>Import Portal da Transparência files</source>
        <translation>Importar arquivos do Portal da Transparência</translation>
    </message>
    <message>
        <source>Portal files (*.csv *.zip);;All files (*)</source>
        <translation>Arquivos do Portal (*.csv *.zip);;Todos os arquivos (*)</translation>
    </message>
    <message>
        <source>Sending %1…</source>
        <translation>Enviando %1…</translation>
    </message>
    <message>
        <source>The file %1 cannot be read.</source>
        <translation>Não foi possível ler o arquivo %1.</translation>
    </message>
    <message>
        <source>Imported %1</source>
        <translation>%1 importado</translation>
    </message>
    <message>
        <source>%1 rows read, %2 stored, %3 rejected.</source>
        <translation>%1 linhas lidas, %2 gravadas, %3 rejeitadas.</translation>
    </message>
    <message>
        <source>%1 was not imported</source>
        <translation>%1 não foi importado</translation>
    </message>
    <message>
        <source>The file was rejected as a whole: %1</source>
        <translation>O arquivo foi rejeitado por inteiro: %1</translation>
    </message>
    <message>
        <source>%1 is not a Portal da Transparência file this app can read.</source>
        <translation>%1 não é um arquivo do Portal da Transparência que este aplicativo consiga ler.</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Dados</translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation>&amp;Importar arquivos…</translation>
    </message>
    <message>
        <source>Import CSV or ZIP files downloaded from the Portal da Transparência</source>
        <translation>Importar arquivos CSV ou ZIP baixados do Portal da Transparência</translation>
    </message>
    <message>
        <source>Detect the source</source>
        <translation>Detectar a origem</translation>
    </message>
    <message>
        <source>Reload the &amp;sample data</source>
        <translation>Recarregar os dados de &amp;exemplo</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Atualizar</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importação</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Linha</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Coluna</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Origens</translation>
    </message>
    <message>
        <source>Search records (supplier, organ, object, CNPJ…)</source>
        <translation>Buscar registros (fornecedor, órgão, objeto, CNPJ…)</translation>
    </message>
    <message>
        <source>Load more</source>
        <translation>Carregar mais</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>Registros</translation>
    </message>
    <message>
        <source>A quoted field is never closed.</source>
        <translation>Um campo entre aspas nunca é fechado.</translation>
    </message>
    <message>
        <source>The row has %1 fields; the header has %2.</source>
        <translation>A linha tem %1 campos; o cabeçalho tem %2.</translation>
    </message>
    <message>
        <source>“%1” is not a date (DD/MM/YYYY).</source>
        <translation>“%1” não é uma data (DD/MM/AAAA).</translation>
    </message>
    <message>
        <source>“%1” is not a value (like 1.234,56).</source>
        <translation>“%1” não é um valor (como 1.234,56).</translation>
    </message>
    <message>
        <source>“%1” is not a whole number in the expected range.</source>
        <translation>“%1” não é um número inteiro no intervalo esperado.</translation>
    </message>
    <message>
        <source>“%1” is neither SIM nor NÃO.</source>
        <translation>“%1” não é SIM nem NÃO.</translation>
    </message>
    <message>
        <source>“%1” is neither CEIS nor CNEP.</source>
        <translation>“%1” não é CEIS nem CNEP.</translation>
    </message>
    <message>
        <source>the import was cancelled.</source>
        <translation>a importação foi cancelada.</translation>
    </message>
    <message>
        <source>the file is empty.</source>
        <translation>o arquivo está vazio.</translation>
    </message>
    <message>
        <source>its header is not one of a Portal da Transparência file this app knows.</source>
        <translation>o cabeçalho não é de nenhum arquivo do Portal da Transparência que este aplicativo conhece.</translation>
    </message>
    <message>
        <source>this is the servants&apos; Cadastro file: import it together with the Remuneração file.</source>
        <translation>este é o arquivo de Cadastro dos servidores: importe-o junto com o arquivo de Remuneração.</translation>
    </message>
    <message>
        <source>columns the app needs are missing: %1.</source>
        <translation>faltam colunas de que o aplicativo precisa: %1.</translation>
    </message>
    <message>
        <source>no file inside the ZIP holds data of this kind.</source>
        <translation>nenhum arquivo dentro do ZIP tem dados deste tipo.</translation>
    </message>
    <message>
        <source>the server cannot open the file.</source>
        <translation>o servidor não consegue abrir o arquivo.</translation>
    </message>
    <message>
        <source>the file is damaged or cannot be read to the end.</source>
        <translation>o arquivo está danificado ou não pode ser lido até o fim.</translation>
    </message>
    <message>
        <source>the database could not store it; nothing was changed.</source>
        <translation>o banco de dados não conseguiu gravá-lo; nada foi alterado.</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::InvestigationDashboard</name>
    <message>
        <source>Saved to %1</source>
        <translation>Salvo em %1</translation>
    </message>
    <message>
        <source>Start an investigation or pick one from the list.</source>
        <translation>Inicie uma investigação ou escolha uma na lista.</translation>
    </message>
    <message>
        <source>records analysed</source>
        <translation>registros analisados</translation>
    </message>
    <message>
        <source>anomalies found</source>
        <translation>anomalias encontradas</translation>
    </message>
    <message>
        <source>high or critical</source>
        <translation>altas ou críticas</translation>
    </message>
    <message>
        <source>confidence</source>
        <translation>confiança</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>processing time</source>
        <translation>tempo de processamento</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV tables (*.csv)</source>
        <translation>Tabelas CSV (*.csv)</translation>
    </message>
    <message>
        <source>Markdown documents (*.md)</source>
        <translation>Documentos Markdown (*.md)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Arquivos JSON (*.json)</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Exportar relatório</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Exportando…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Search descriptions and explanations</source>
        <translation>Buscar em descrições e explicações</translation>
    </message>
    <message>
        <source>Any severity</source>
        <translation>Qualquer gravidade</translation>
    </message>
    <message>
        <source>%1 or above</source>
        <translation>%1 ou acima</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Todos os tipos</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::InvestigationForm</name>
    <message>
        <source>Write what you want to investigate.</source>
        <translation>Escreva o que você quer investigar.</translation>
    </message>
    <message>
        <source>Choose at least one kind of anomaly.</source>
        <translation>Escolha pelo menos um tipo de anomalia.</translation>
    </message>
    <message>
        <source>The period starts after it ends.</source>
        <translation>O período começa depois de terminar.</translation>
    </message>
    <message>
        <source>The minimum value is above the maximum.</source>
        <translation>O valor mínimo está acima do máximo.</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pergunta</translation>
    </message>
    <message>
        <source>e.g. contracts of the Ministry of Health with unusual prices</source>
        <translation>ex.: contratos do Ministério da Saúde com preços fora do comum</translation>
    </message>
    <message>
        <source>Data source</source>
        <translation>Fonte de dados</translation>
    </message>
    <message>
        <source>Contracts</source>
        <translation>Contratos</translation>
    </message>
    <message>
        <source>Expenses</source>
        <translation>Despesas</translation>
    </message>
    <message>
        <source>Agreements</source>
        <translation>Convênios</translation>
    </message>
    <message>
        <source>Biddings</source>
        <translation>Licitações</translation>
    </message>
    <message>
        <source>Public servants</source>
        <translation>Servidores públicos</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Período</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Até</translation>
    </message>
    <message>
        <source>Órgão</source>
        <translation>Órgão</translation>
    </message>
    <message>
        <source>Start typing: names come from your imported data</source>
        <translation>Comece a digitar: os nomes vêm dos seus dados importados</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Fornecedor</translation>
    </message>
    <message>
        <source>Name or CNPJ</source>
        <translation>Nome ou CNPJ</translation>
    </message>
    <message>
        <source>Value from / to</source>
        <translation>Valor de / até</translation>
    </message>
    <message>
        <source>any</source>
        <translation>qualquer</translation>
    </message>
    <message>
        <source>State</source>
        <translation>UF</translation>
    </message>
    <message>
        <source>Any state</source>
        <translation>Qualquer UF</translation>
    </message>
    <message>
        <source>Look for</source>
        <translation>Procurar</translation>
    </message>
    <message>
        <source>Start investigation</source>
        <translation>Iniciar investigação</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::InvestigationsView</name>
    <message>
        <source>Investigations</source>
        <translation>Investigações</translation>
    </message>
    <message>
        <source>Refresh list</source>
        <translation>Atualizar lista</translation>
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
        <translation>Latência do servidor</translation>
    </message>
    <message>
        <source>⇄ %1 ms</source>
        <translation>⇄ %1 ms</translation>
    </message>
    <message>
        <source>Round trip to the server: last %1 ms, median %2 ms, 99th percentile %3 ms</source>
        <translation>Ida e volta ao servidor: última %1 ms, mediana %2 ms, percentil 99 %3 ms</translation>
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
        <translation>Navegação</translation>
    </message>
    <message>
        <source>&amp;Connection…</source>
        <translation>&amp;Conexão…</translation>
    </message>
    <message>
        <source>Choose the server and sign in</source>
        <translation>Escolher o servidor e entrar</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Configurações…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Exibir</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::MessageBanner</name>
    <message>
        <source>Close message</source>
        <translation>Fechar mensagem</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::MessageDelegate</name>
    <message>
        <source>You</source>
        <translation>Você</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Escrevendo…</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Enviando…</translation>
    </message>
    <message>
        <source>Not delivered</source>
        <translation>Não entregue</translation>
    </message>
    <message>
        <source>The answer could not be completed</source>
        <translation>Não foi possível concluir a resposta</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Interrompida</translation>
    </message>
    <message>
        <source>Confidence %1%</source>
        <translation>Confiança %1%</translation>
    </message>
    <message numerus="yes">
        <source>and %n more contract(s)</source>
        <translation>
            <numerusform>e mais %n contrato</numerusform>
            <numerusform>e mais %n contratos</numerusform>
        </translation>
    </message>
    <message>
        <source>Contract %1</source>
        <translation>Contrato %1</translation>
    </message>
    <message>
        <source>signed %1</source>
        <translation>assinado em %1</translation>
    </message>
    <message>
        <source>no. %1</source>
        <translation>nº %1</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::MessageListView</name>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::ProgressDelegate</name>
    <message>
        <source>Started</source>
        <translation>Iniciada</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Em andamento</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Concluída</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Falhou</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>reading the data</source>
        <translation>lendo os dados</translation>
    </message>
    <message>
        <source>looking for anomalies</source>
        <translation>procurando anomalias</translation>
    </message>
    <message>
        <source>analysing patterns</source>
        <translation>analisando padrões</translation>
    </message>
    <message>
        <source>writing the report</source>
        <translation>escrevendo o relatório</translation>
    </message>
    <message>
        <source>(no question)</source>
        <translation>(sem pergunta)</translation>
    </message>
    <message numerus="yes">
        <source>%n anomaly(ies)</source>
        <translation>
            <numerusform>%n anomalia</numerusform>
            <numerusform>%n anomalias</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>cidadao::ui::PushToTalkWidget</name>
    <message>
        <source>Microphone</source>
        <translation>Microfone</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Alto-falante</translation>
    </message>
    <message>
        <source>Listening… release to send</source>
        <translation>Ouvindo… solte para enviar</translation>
    </message>
    <message>
        <source>Hold to talk (%1)</source>
        <translation>Segure para falar (%1)</translation>
    </message>
    <message>
        <source>Push-to-talk is off: %1</source>
        <translation>Apertar para falar está desativado: %1</translation>
    </message>
    <message>
        <source>Speaking — press to interrupt.</source>
        <translation>Falando — pressione para interromper.</translation>
    </message>
    <message>
        <source>Listening…</source>
        <translation>Ouvindo…</translation>
    </message>
    <message>
        <source>Ready.</source>
        <translation>Pronto.</translation>
    </message>
    <message>
        <source>Not connected to the voice service.</source>
        <translation>Sem conexão com o serviço de voz.</translation>
    </message>
    <message>
        <source>Offline speech recognition: %1. No offline Portuguese model is installed, so speak English, or configure a Portuguese model or a transcription server on the server.</source>
        <translation>Reconhecimento de fala offline: %1. Não há modelo de português offline instalado; fale em inglês ou configure um modelo de português ou um servidor de transcrição no servidor.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nenhum</translation>
    </message>
    <message>
        <source>Offline speech recognition: %1.</source>
        <translation>Reconhecimento de fala offline: %1.</translation>
    </message>
    <message>
        <source>Hold to talk (or hold %1). Press while the answer plays to interrupt it.</source>
        <translation>Segure para falar (ou segure %1). Aperte enquanto a resposta toca para interrompê-la.</translation>
    </message>
    <message>
        <source>No offline Portuguese speech recognition model ships with Debian, so voice commands are understood in English only here. A Portuguese model or a transcription server can be configured on the server.</source>
        <translation>O Debian não traz nenhum modelo offline de reconhecimento de fala em português; por isso aqui os comandos de voz são entendidos só em inglês. Um modelo em português ou um servidor de transcrição pode ser configurado no servidor.</translation>
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
        <translation>Número</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>Data de assinatura</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Ano</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mês</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>Cadastro</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objeto</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Supplier</source>
        <translation>Fornecedor</translation>
    </message>
    <message>
        <source>Supplier CNPJ/CPF</source>
        <translation>CNPJ/CPF do fornecedor</translation>
    </message>
    <message>
        <source>Payee</source>
        <translation>Favorecido</translation>
    </message>
    <message>
        <source>Payee CNPJ/CPF</source>
        <translation>CNPJ/CPF do favorecido</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Participante</translation>
    </message>
    <message>
        <source>Participant CNPJ/CPF</source>
        <translation>CNPJ/CPF do participante</translation>
    </message>
    <message>
        <source>Winner</source>
        <translation>Vencedor</translation>
    </message>
    <message>
        <source>Grantee</source>
        <translation>Convenente</translation>
    </message>
    <message>
        <source>Grantee CNPJ</source>
        <translation>CNPJ do convenente</translation>
    </message>
    <message>
        <source>Grantee type</source>
        <translation>Tipo do convenente</translation>
    </message>
    <message>
        <source>Grantee legal nature</source>
        <translation>Natureza jurídica do convenente</translation>
    </message>
    <message>
        <source>Sanctioned party</source>
        <translation>Sancionado</translation>
    </message>
    <message>
        <source>Sanctioned CNPJ/CPF</source>
        <translation>CNPJ/CPF do sancionado</translation>
    </message>
    <message>
        <source>Name as reported</source>
        <translation>Nome informado</translation>
    </message>
    <message>
        <source>Person type</source>
        <translation>Tipo de pessoa</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nome</translation>
    </message>
    <message>
        <source>CPF</source>
        <translation>CPF</translation>
    </message>
    <message>
        <source>Servant ID</source>
        <translation>ID do servidor</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Matrícula</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Cargo</translation>
    </message>
    <message>
        <source>Situation</source>
        <translation>Situação</translation>
    </message>
    <message>
        <source>Hired on</source>
        <translation>Data de ingresso</translation>
    </message>
    <message>
        <source>Value (R$)</source>
        <translation>Valor (R$)</translation>
    </message>
    <message>
        <source>Initial value (R$)</source>
        <translation>Valor inicial (R$)</translation>
    </message>
    <message>
        <source>Final value (R$)</source>
        <translation>Valor final (R$)</translation>
    </message>
    <message>
        <source>Original value (R$)</source>
        <translation>Valor original (R$)</translation>
    </message>
    <message>
        <source>Released (R$)</source>
        <translation>Valor liberado (R$)</translation>
    </message>
    <message>
        <source>Counterpart (R$)</source>
        <translation>Contrapartida (R$)</translation>
    </message>
    <message>
        <source>Last release on</source>
        <translation>Data da última liberação</translation>
    </message>
    <message>
        <source>Last release (R$)</source>
        <translation>Valor da última liberação (R$)</translation>
    </message>
    <message>
        <source>Fine (R$)</source>
        <translation>Multa (R$)</translation>
    </message>
    <message>
        <source>Gross basic pay (R$)</source>
        <translation>Remuneração básica bruta (R$)</translation>
    </message>
    <message>
        <source>Ceiling cut (R$)</source>
        <translation>Abate-teto (R$)</translation>
    </message>
    <message>
        <source>13th salary (R$)</source>
        <translation>Gratificação natalina (R$)</translation>
    </message>
    <message>
        <source>Vacation pay (R$)</source>
        <translation>Férias (R$)</translation>
    </message>
    <message>
        <source>Other occasional pay (R$)</source>
        <translation>Outras remunerações eventuais (R$)</translation>
    </message>
    <message>
        <source>Income tax withheld (R$)</source>
        <translation>IRRF (R$)</translation>
    </message>
    <message>
        <source>Social security (R$)</source>
        <translation>PSS (R$)</translation>
    </message>
    <message>
        <source>Other deductions (R$)</source>
        <translation>Demais deduções (R$)</translation>
    </message>
    <message>
        <source>Net pay (R$)</source>
        <translation>Remuneração líquida (R$)</translation>
    </message>
    <message>
        <source>Indemnities (R$)</source>
        <translation>Verbas indenizatórias (R$)</translation>
    </message>
    <message>
        <source>Procurement method</source>
        <translation>Modalidade</translation>
    </message>
    <message>
        <source>Method code</source>
        <translation>Código da modalidade</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Fundamento legal</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Situação</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoria</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Abrangência</translation>
    </message>
    <message>
        <source>Instrument</source>
        <translation>Tipo de instrumento</translation>
    </message>
    <message>
        <source>Expense element</source>
        <translation>Elemento de despesa</translation>
    </message>
    <message>
        <source>Payment code</source>
        <translation>Código do pagamento</translation>
    </message>
    <message>
        <source>Sanction code</source>
        <translation>Código da sanção</translation>
    </message>
    <message>
        <source>Item code</source>
        <translation>Código do item</translation>
    </message>
    <message>
        <source>Agency code</source>
        <translation>Código do órgão</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Órgão</translation>
    </message>
    <message>
        <source>Ministry code</source>
        <translation>Código do órgão superior</translation>
    </message>
    <message>
        <source>Ministry</source>
        <translation>Órgão superior</translation>
    </message>
    <message>
        <source>Unit (UG) code</source>
        <translation>Código da UG</translation>
    </message>
    <message>
        <source>Management unit (UG)</source>
        <translation>Unidade gestora</translation>
    </message>
    <message>
        <source>Grantor agency code</source>
        <translation>Código do órgão concedente</translation>
    </message>
    <message>
        <source>Grantor agency</source>
        <translation>Órgão concedente</translation>
    </message>
    <message>
        <source>Grantor unit code</source>
        <translation>Código da UG concedente</translation>
    </message>
    <message>
        <source>Grantor unit</source>
        <translation>UG concedente</translation>
    </message>
    <message>
        <source>Sanctioning agency</source>
        <translation>Órgão sancionador</translation>
    </message>
    <message>
        <source>Sanctioning state</source>
        <translation>UF do órgão sancionador</translation>
    </message>
    <message>
        <source>State</source>
        <translation>UF</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Município</translation>
    </message>
    <message>
        <source>Municipality code</source>
        <translation>Código do município</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>Processo</translation>
    </message>
    <message>
        <source>Original number</source>
        <translation>Número original</translation>
    </message>
    <message>
        <source>Bidding number</source>
        <translation>Número da licitação</translation>
    </message>
    <message>
        <source>Bidding method</source>
        <translation>Modalidade da licitação</translation>
    </message>
    <message>
        <source>Bidding method code</source>
        <translation>Código da modalidade da licitação</translation>
    </message>
    <message>
        <source>Bidding unit code</source>
        <translation>Código da UG da licitação</translation>
    </message>
    <message>
        <source>Bidding unit</source>
        <translation>UG da licitação</translation>
    </message>
    <message>
        <source>Published on</source>
        <translation>Data de publicação</translation>
    </message>
    <message>
        <source>Opened on</source>
        <translation>Data de abertura</translation>
    </message>
    <message>
        <source>Result on</source>
        <translation>Data do resultado</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Início</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Fim</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Observação</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Chave</translation>
    </message>
    <message>
        <source>Line in the file</source>
        <translation>Linha no arquivo</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::SettingsDialog</name>
    <message>
        <source>Data directory</source>
        <translation>Pasta de dados</translation>
    </message>
    <message>
        <source>This computer (local server)</source>
        <translation>Este computador (servidor local)</translation>
    </message>
    <message>
        <source>%1 (in use)</source>
        <translation>%1 (em uso)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Configurações</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Geral</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Conexões</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agentes</translation>
    </message>
    <message>
        <source>Storage</source>
        <translation>Armazenamento</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Idioma:</translation>
    </message>
    <message>
        <source>The new language applies at once.</source>
        <translation>O novo idioma vale na hora.</translation>
    </message>
    <message>
        <source>Address of a Cidadão.AI server, e.g. https://cidadao.example.org</source>
        <translation>Endereço de um servidor Cidadão.AI, ex.: https://cidadao.exemplo.org</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Adicionar</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Remover</translation>
    </message>
    <message>
        <source>&amp;Use this connection</source>
        <translation>&amp;Usar esta conexão</translation>
    </message>
    <message>
        <source>LLM &amp;endpoint:</source>
        <translation>&amp;Endpoint de LLM:</translation>
    </message>
    <message>
        <source>&amp;Model:</source>
        <translation>&amp;Modelo:</translation>
    </message>
    <message>
        <source>Optional. An OpenAI-compatible chat-completions server (llama.cpp, Ollama, …) that the agents use to phrase their answers. Without it, answers are composed offline. Applies when the local server next starts.</source>
        <translation>Opcional. Um servidor chat-completions compatível com OpenAI (llama.cpp, Ollama, …) que os agentes usam para redigir as respostas. Sem ele, as respostas são compostas offline. Vale a partir do próximo início do servidor local.</translation>
    </message>
    <message>
        <source>&amp;Data directory:</source>
        <translation>&amp;Pasta de dados:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Procurar…</translation>
    </message>
    <message>
        <source>Where the local server keeps its database and the app its cache. A new directory is used from the next start.</source>
        <translation>Onde o servidor local guarda seu banco de dados e o aplicativo seu cache. Uma nova pasta é usada a partir do próximo início.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::WorkflowGraphView</name>
    <message>
        <source>pending</source>
        <translation>pendente</translation>
    </message>
    <message>
        <source>running</source>
        <translation>em execução</translation>
    </message>
    <message>
        <source>retrying</source>
        <translation>tentando de novo</translation>
    </message>
    <message>
        <source>done</source>
        <translation>concluído</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>falhou</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <source>Workflow graph</source>
        <translation>Grafo do fluxo</translation>
    </message>
    <message>
        <source>Choose a workflow to see its steps</source>
        <translation>Escolha um fluxo para ver suas etapas</translation>
    </message>
    <message>
        <source>done in %1 ms</source>
        <translation>concluído em %1 ms</translation>
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
        <translation>Investigação concluída</translation>
    </message>
    <message>
        <source>Critical anomaly found</source>
        <translation>Anomalia crítica encontrada</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Importação concluída</translation>
    </message>
    <message>
        <source>New findings in your watchlist</source>
        <translation>Novos achados na sua lista de acompanhamento</translation>
    </message>
    <message>
        <source>Notification</source>
        <translation>Notificação</translation>
    </message>
</context>
<context>
    <name>cidadao::ui::WorkflowsView</name>
    <message>
        <source>Cancel run</source>
        <translation>Cancelar execução</translation>
    </message>
    <message>
        <source>Workflows</source>
        <translation>Fluxos</translation>
    </message>
    <message>
        <source>Workflow input (JSON)</source>
        <translation>Entrada do fluxo (JSON)</translation>
    </message>
    <message>
        <source>Input as JSON</source>
        <translation>Entrada em JSON</translation>
    </message>
    <message>
        <source>Workflow</source>
        <translation>Fluxo</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Situação</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Iniciada</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erro</translation>
    </message>
    <message>
        <source>Running %1…</source>
        <translation>Executando %1…</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Concluído</translation>
    </message>
    <message>
        <source>Stopped: %1</source>
        <translation>Interrompido: %1</translation>
    </message>
    <message>
        <source>Failed at %1: %2</source>
        <translation>Falhou em %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n etapa</numerusform>
            <numerusform>%n etapas</numerusform>
        </translation>
    </message>
    <message>
        <source>The input must be a JSON object.</source>
        <translation>A entrada deve ser um objeto JSON.</translation>
    </message>
    <message>
        <source>Not connected to the server; try again when the connection is back.</source>
        <translation>Sem conexão com o servidor; tente de novo quando a conexão voltar.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <source>running</source>
        <translation>em execução</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>concluído</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>falhou</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelado</translation>
    </message>
    <message>
        <source>&amp;Workflows</source>
        <translation>&amp;Fluxos</translation>
    </message>
    <message>
        <source>In&amp;put</source>
        <translation>&amp;Entrada</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>E&amp;xecutar</translation>
    </message>
    <message>
        <source>Workflow history</source>
        <translation>Histórico de execuções</translation>
    </message>
</context>
</TS>
