// Brazilian Portuguese: one line per key of en.ts, in its order; an empty line falls back to English.
export const ptBR = `Abrir chat
Minimizar chat
Fale conosco
mensagens não lidas
Carregando…
Algo deu errado.
Tentar novamente
Chat indisponível.
Nome
E-mail
Telefone
Departamento
Escolha…
Mensagem
opcional
Campo obrigatório.
E-mail inválido.
Valor inválido.
Iniciar chat
Tentando de novo em {n} s…
Sem conexão. Tente novamente.
Antes de começar
Eu concordo
Deixe uma mensagem
Ninguém disponível. Deixe uma mensagem.
Obrigado! Mensagem enviada.
Enviar
Enviando…
Não enviada
Esta conversa foi encerrada.
Encerrar chat
{n} está digitando…
Conectando…
Conectado novamente.
Mensagens anteriores
Aguardando um atendente…

Ausente
Ocupado

A mensagem é longa demais.`;
