// Spanish: one line per key of en.ts, in its order; an empty line falls back to English.
export const es = `Abrir chat
Minimizar chat
Chatea con nosotros
mensajes sin leer
Cargando…
Algo salió mal.
Reintentar
El chat no está disponible ahora.
Nombre
Correo electrónico
Teléfono
Departamento
Elige…
Mensaje
opcional
Completa este campo.
Introduce un correo válido.
Revisa este valor.
Iniciar chat
Demasiados intentos. Reintentando en {n} s…
No hay conexión. Tus datos se conservan; inténtalo de nuevo.
Antes de empezar
Acepto
Deja un mensaje
No hay nadie disponible ahora. Deja un mensaje y te responderemos.
Enviar mensaje
¡Gracias! Tu mensaje fue enviado.
Escribe un mensaje para empezar.
Enviar
Enviando…
No enviado
Esta conversación ha terminado.
Iniciar un chat nuevo
Terminar chat
¿Terminar esta conversación?
Cancelar
{n} está escribiendo…
Conectando…
Conexión perdida. Reconectando…
Conectado de nuevo.
Ver mensajes anteriores
Esperando a un agente…
En línea
Ausente
Ocupado
Desconectado
El mensaje es demasiado largo.`;
