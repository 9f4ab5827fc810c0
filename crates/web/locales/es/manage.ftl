## Las demás páginas de coordinación.

nav-manage = Más
manage-title = Más
manage-programs = Los diseños revisados y sus programas: sesiones, temas, la regla de sesiones perdidas.
manage-facilitators = Módulos y cursos de capacitación, a quién le falta capacitación, supervisión.
manage-messages = Cada recordatorio y aviso enviado, y los que fallaron. Vea un recordatorio en cualquier idioma.
manage-access = Invite a personas a entrar, cambie su función, desactívelas. Tokens de la API.
manage-exports = Participantes, asistencia y llamadas de seguimiento como hojas de cálculo.
manage-settings = Horas de silencio para recordatorios, a dónde van las respuestas, reglas de capacitación.
manage-training = Su propio registro de capacitación.
manage-calendar = Sus sesiones en el calendario de su teléfono.
