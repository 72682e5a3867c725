// Spanish: one line per key of en.ts, in its order; an empty line falls back to English.
export const es = `Abrir chat
Minimizar chat
Chatea con nosotros
mensajes sin leer
Cargando…
Algo salió mal.
Reintentar
Chat no disponible.
Nombre
Correo electrónico
Teléfono
Departamento
Elige…
Mensaje
opcional
Campo obligatorio.
Correo no válido.
Valor no válido.
Iniciar chat
Reintentando en {n} s…
Sin conexión. Inténtalo de nuevo.
Antes de empezar
Acepto
Deja un mensaje
No hay nadie disponible. Deja un mensaje.
¡Gracias! Mensaje enviado.
Enviar
Enviando…
No enviado
Esta conversación ha terminado.
Terminar chat
{n} está escribiendo…
Conectando…
Conectado de nuevo.
Mensajes anteriores
Esperando a un agente…
En línea
Ausente
Ocupado
Desconectado
El mensaje es demasiado largo.`;
