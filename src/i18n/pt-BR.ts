// Brazilian Portuguese: one line per key of en.ts, in its order; an empty line falls back to English.
export const ptBR = `Abrir chat
Minimizar chat
Fale conosco
mensagens não lidas
Carregando…
Algo deu errado.
Tentar novamente
O chat não está disponível agora.
Nome
E-mail
Telefone
Departamento
Escolha…
Mensagem
opcional
Preencha este campo.
Informe um e-mail válido.
Verifique este valor.
Iniciar chat
Muitas tentativas. Tentando de novo em {n} s…
Sem conexão. Seus dados foram mantidos; tente novamente.
Antes de começar
Eu concordo
Deixe uma mensagem
Ninguém está disponível agora. Deixe uma mensagem e responderemos.
Enviar mensagem
Obrigado! Sua mensagem foi enviada.
Escreva uma mensagem para começar.
Enviar
Enviando…
Não enviada
Esta conversa foi encerrada.
Iniciar novo chat
Encerrar chat
Encerrar esta conversa?
Cancelar
{n} está digitando…
Conectando…
Conexão perdida. Reconectando…
Conectado novamente.
Ver mensagens anteriores
Aguardando um atendente…

Ausente
Ocupado

A mensagem é longa demais.`;
