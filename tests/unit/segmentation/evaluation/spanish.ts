/** Spanish evaluation cases, written for Redline (language "es"). */
import { sentencesOf as c, type EvaluationCase } from './case';

export const SPANISH_CASES: EvaluationCase[] = [
  c('terminators', 'El tren salió tarde. Nadie protestó.', 'El tren salió tarde.', 'Nadie protestó.'),
  c('terminators', '¿Vienes a la fiesta? Te estamos esperando.', '¿Vienes a la fiesta?', 'Te estamos esperando.'),
  c('terminators', '¡Qué sorpresa! No te esperaba.', '¡Qué sorpresa!', 'No te esperaba.'),
  c('terminators', 'Ana, ¿dónde estabas? ¡¿Por qué no llamaste?!', 'Ana, ¿dónde estabas?', '¡¿Por qué no llamaste?!'),
  c('terminators', '¿Cuánto cuesta?, preguntó el cliente.', '¿Cuánto cuesta?, preguntó el cliente.'),
  c('terminators', 'Y entonces gritó ¡Basta ya! y se fue.', 'Y entonces gritó ¡Basta ya! y se fue.'),
  c('terminators', '¿Seguro? sí, muy seguro.', '¿Seguro? sí, muy seguro.'),

  c('titles', 'El Sr. Gómez llegó con la Sra. Ruiz.', 'El Sr. Gómez llegó con la Sra. Ruiz.'),
  c('titles', 'La Srta. Vidal trabaja con el Dr. Herrera.', 'La Srta. Vidal trabaja con el Dr. Herrera.'),
  c('titles', 'Dña. Carmen abrió la tienda. Los clientes entraron.', 'Dña. Carmen abrió la tienda.', 'Los clientes entraron.'),
  c('titles', 'Hablé con el Lic. Soto y con la Ing. Pardo.', 'Hablé con el Lic. Soto y con la Ing. Pardo.'),
  c('titles', 'D. Julián firmó el acta.', 'D. Julián firmó el acta.'),
  c('titles', 'Saludos a la Sra. Molina. Hasta pronto.', 'Saludos a la Sra. Molina.', 'Hasta pronto.'),
  c('titles', 'La Dra. Campos dirige el hospital.', 'La Dra. Campos dirige el hospital.'),
  c('titles', '¿Ud. vive aquí? Sí, desde hace años.', '¿Ud. vive aquí?', 'Sí, desde hace años.'),

  c('abbreviations', 'Compramos pan, leche, huevos, etc. La lista era larga.', 'Compramos pan, leche, huevos, etc.', 'La lista era larga.'),
  c('abbreviations', 'Lea el art. 14 de la ley.', 'Lea el art. 14 de la ley.'),
  c('abbreviations', 'Está en la pág. 20 del informe.', 'Está en la pág. 20 del informe.'),
  c('abbreviations', 'Vive en la Avda. Libertad, núm. 8.', 'Vive en la Avda. Libertad, núm. 8.'),
  c(
    'abbreviations',
    'La empresa Textiles S.A. cerró. Los empleados protestaron.',
    'La empresa Textiles S.A. cerró.',
    'Los empleados protestaron.',
  ),
  c('abbreviations', 'Viajó a los EE. UU. el año pasado.', 'Viajó a los EE. UU. el año pasado.'),
  c('abbreviations', 'Tardó aprox. dos horas en llegar.', 'Tardó aprox. dos horas en llegar.'),
  c('abbreviations', 'La cita es el Lun. 3 de Feb. a las diez.', 'La cita es el Lun. 3 de Feb. a las diez.'),
  c('abbreviations', 'Tiene 2 min. para contestar.', 'Tiene 2 min. para contestar.'),
  c('abbreviations', 'El Admón. del edificio no estaba.', 'El Admón. del edificio no estaba.'),
  c('abbreviations', 'Llame al Tel. 912 345 678 por la mañana.', 'Llame al Tel. 912 345 678 por la mañana.'),
  c('abbreviations', 'El corredor No. 12 llegó primero.', 'El corredor No. 12 llegó primero.'),

  c('numbers', 'La casa cuesta $250.000,00. Es muy cara.', 'La casa cuesta $250.000,00.', 'Es muy cara.'),
  c('numbers', 'La inflación subió un 3,2 %. Nadie lo esperaba.', 'La inflación subió un 3,2 %.', 'Nadie lo esperaba.'),
  c('numbers', 'El agua hierve a 100 °C. El alcohol, antes.', 'El agua hierve a 100 °C.', 'El alcohol, antes.'),
  c('numbers', 'Hoy es 12/10/2024. Mañana es fiesta.', 'Hoy es 12/10/2024.', 'Mañana es fiesta.'),
  c('numbers', '2 + 2 son 4. 3 + 3 son 6.', '2 + 2 son 4.', '3 + 3 son 6.'),
  c('numbers', 'La sala mide 20,5 m². La cocina es pequeña.', 'La sala mide 20,5 m².', 'La cocina es pequeña.'),

  c('quotes', '«Volveré pronto», dijo el capitán. Nunca volvió.', '«Volveré pronto», dijo el capitán.', 'Nunca volvió.'),
  c('quotes', '«No hay prisa.», respondió ella.', '«No hay prisa.», respondió ella.'),
  c('quotes', 'Ella dijo: «Ya basta». Luego salió.', 'Ella dijo: «Ya basta».', 'Luego salió.'),

  c('lists', '1. Lavar el arroz 2. Cocer el arroz 3. Servir', '1. Lavar el arroz', '2. Cocer el arroz', '3. Servir'),
  c('lists', '• Agua\n• Sal\n• Harina', '• Agua', '• Sal', '• Harina'),

  c('lines', 'Horario de verano\nLa oficina abre a las ocho.', 'Horario de verano', 'La oficina abre a las ocho.'),
  c('lines', 'El ministro dijo que el\nGobierno actuará pronto.', 'El ministro dijo que el Gobierno actuará pronto.'),
];
